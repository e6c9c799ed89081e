import ConvergeLlama
import Testing

/// The default thread count: one per core that is at least 75% idle, 1 to 8.
struct IdleCoresTests {
    @Test(arguments: [(0.0, 2, 1), (1.2, 2, 1), (1.74, 2, 1), (1.75, 2, 2), (1.99, 2, 2), (15.9, 16, 8)])
    func threadsCountNearlyIdleCores(idle: Double, cores: Int, threads: Int) {
        #expect(IdleCores(idle: idle, cores: cores, method: "test").threads == threads)
    }

    @Test func measurementReadsTheKernelCountersAndSaysSo() {
        let measured = IdleCores.measure(window: 0.05)
        #expect((0...Double(measured.cores)).contains(measured.idle))
        #if os(Linux)
            #expect(measured.reason.contains("/proc/stat over 50 ms"))
        #endif
    }
}
