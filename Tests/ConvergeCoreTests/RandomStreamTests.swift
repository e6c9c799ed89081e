import ConvergeCore
import Testing

@Suite struct RandomStreamTests {
    @Test func matchesSplitMix64ReferenceValues() {
        // Reference: Vigna's splitmix64.c with x = 0.
        var stream = RandomStream(seed: 0)
        #expect(stream.next() == 0xE220_A839_7B1D_CDAF)
        #expect(stream.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(stream.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = RandomStream(seed: 42), b = RandomStream(seed: 42), c = RandomStream(seed: 43)
        let sa = (0..<100).map { _ in a.next() }
        #expect(sa == (0..<100).map { _ in b.next() })
        #expect(sa != (0..<100).map { _ in c.next() })
    }

    @Test func unitValuesLieInHalfOpenIntervalAndAverageOneHalf() {
        var stream = RandomStream(seed: 9)
        let values = (0..<20_000).map { _ in stream.nextUnit() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / Double(values.count)
        #expect(abs(mean - 0.5) < 0.01)
    }

    @Test func deriveIsDeterministicAndDistinguishesEveryPart() {
        #expect(RandomStream.derive(7, 1, 2, 3) == RandomStream.derive(7, 1, 2, 3))
        var seen = Set<UInt64>()
        for seedIndex in 0..<10 {
            for replicate in 0..<5 {
                for turn in 1...25 {
                    seen.insert(RandomStream.derive(7, seedIndex, replicate, turn))
                }
            }
        }
        #expect(seen.count == 10 * 5 * 25)
        #expect(RandomStream.derive(7, 1, 2) != RandomStream.derive(7, 2, 1))
        #expect(RandomStream.derive(7, 1, 2) != RandomStream.derive(8, 1, 2))
        #expect(RandomStream.derive(7, -1) != RandomStream.derive(7, 1))
    }

    @Test func derivedStreamsOfNeighbouringTurnsAreUncorrelated() {
        // Streams of turn t and t + 1 of the same conversation: their draws should not move together.
        let n = 4000
        var xs: [Double] = [], ys: [Double] = []
        for t in 0..<n {
            var s1 = RandomStream(seed: RandomStream.derive(1, 0, 0, t))
            var s2 = RandomStream(seed: RandomStream.derive(1, 0, 0, t + 1))
            xs.append(s1.nextUnit())
            ys.append(s2.nextUnit())
        }
        let mx = xs.reduce(0, +) / Double(n), my = ys.reduce(0, +) / Double(n)
        let cov = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let vx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, vy = ys.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        let correlation = cov / (vx * vy).squareRoot()
        #expect(abs(correlation) < 0.06)  // ~4 standard errors for n = 4000
        // And each bit of the derived seeds is set about half the time.
        let seeds = (0..<n).map { RandomStream.derive(1, 0, 0, $0) }
        for bit in 0..<64 {
            let ones = seeds.filter { $0 >> UInt64(bit) & 1 == 1 }.count
            #expect(abs(Double(ones) / Double(n) - 0.5) < 0.04, "bit \(bit)")
        }
    }
}
