import Testing

@testable import ConvergeStatistics

/// The cluster bootstrap behind a branch condition's escape share.
@Suite struct ClusteredProportionTests {
    /// Ten conversations branched five times each: half always escape, half never.
    let split = (0..<10).map { $0 < 5 ? (successes: 5, total: 5) : (successes: 0, total: 5) }

    @Test func theSameClustersAndSeedGiveTheSameInterval() {
        let uneven = [(1, 3), (2, 5), (0, 4), (3, 3), (1, 6), (4, 5), (2, 2), (0, 3)].map { (successes: $0, total: $1) }
        let first = ClusteredProportion(clusters: uneven, resamples: 500)
        #expect(first == ClusteredProportion(clusters: uneven, resamples: 500))
        #expect(first != ClusteredProportion(clusters: uneven, resamples: 500, seed: 2))
    }

    /// Trials of one cluster move together, so the interval is far wider than one that treats the
    /// 50 branches as independent (Wilson: 36%–64%).
    @Test func homogeneousClustersWidenTheInterval() throws {
        let share = ClusteredProportion(clusters: split)
        #expect(share.successes == 25 && share.total == 50 && share.fraction == 0.5 && share.clusters == 10)
        let low = try #require(share.ciLow), high = try #require(share.ciHigh)
        let wilson = ConvergenceRate(converged: 25, total: 50)
        #expect(low < wilson.ciLow - 0.1 && high > wilson.ciHigh + 0.1)
        #expect(0 <= low && low < 0.5 && 0.5 < high && high <= 1)
    }

    @Test func identicalClustersGiveAPointInterval() {
        let share = ClusteredProportion(clusters: Array(repeating: (successes: 2, total: 5), count: 6), resamples: 200)
        #expect(share.fraction == 0.4 && share.ciLow == 0.4 && share.ciHigh == 0.4)
    }

    @Test func oneClusterHasNoInterval() {
        let share = ClusteredProportion(clusters: [(successes: 3, total: 5)])
        #expect(share.fraction == 0.6 && share.ciLow == nil && share.ciHigh == nil)
        #expect(ClusteredProportion(clusters: []).fraction == 0)
    }
}
