import Foundation
import Testing

@testable import ConvergeLlama

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

    @Test(arguments: [(UInt64(50), UInt64(0), UInt64(100), 0.5), (50, 30, 100, 0.8), (90, 30, 100, 1.0), (0, 0, 0, 0.0)])
    func ownWorkCountsAsIdle(idle: UInt64, own: UInt64, total: UInt64, share: Double) {
        #expect(IdleCores.idleShare(idle: idle, own: own, total: total) == share)
    }

    /// A thread of this process spinning through the whole window must not take a core away from the
    /// count, as model hashing on another thread did at the start of a run. Measured against the idle
    /// cores just before, so other work on the machine (a test run beside an experiment) cancels out.
    @Test func aCoreThisProcessKeepsBusyStillCountsAsIdle() {
        #if os(Linux)
            let before = IdleCores.measure(window: 0.3)
            let spinning = ManagedAtomicFlag()
            let spinner = Thread { while !spinning.stopped { _ = (0..<1000).reduce(0, &+) } }
            spinner.start()
            defer { spinning.stop() }
            Thread.sleep(forTimeInterval: 0.05)
            let measured = IdleCores.measure(window: 0.3)
            // Without counting its own work the spinner would hide the idle core it runs on. With no
            // idle core to begin with there is nothing it could hide, and nothing to check.
            if before.idle >= 0.8 {
                #expect(measured.idle > before.idle - 0.5, "before: \(before.reason); with the spinner: \(measured.reason)")
            }
        #endif
    }
}

/// A stop flag the spinner polls; a lock keeps it free of data races under strict concurrency.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var stopped: Bool { lock.withLock { value } }
    func stop() { lock.withLock { value = true } }
}
