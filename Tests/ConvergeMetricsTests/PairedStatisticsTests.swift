import Testing

@testable import ConvergeStatistics

/// McNemar's exact test against statsmodels 0.15 and the Wilcoxon signed-rank test against scipy
/// 1.17 (fixtures from scripts/fixtures/make_inference_fixtures.py).
@Suite struct PairedStatisticsTests {
    @Test(arguments: InferenceFixture.shared.mcnemar) func mcnemarMatchesStatsmodels(_ reference: InferenceFixture.McNemarCase) {
        let t = reference.table
        let result = McNemar(both: t[0][0], firstOnly: t[0][1], secondOnly: t[1][0], neither: t[1][1])
        #expect(Double(result.statistic) == reference.statistic)
        #expect(isClose(result.pValue, reference.pValue, relative: 1e-10), "p \(result.pValue) vs \(reference.pValue)")
    }

    @Test func mcnemarCountsPairedFlags() {
        let result = McNemar([true, true, false, false, true], [true, false, true, false, false])
        #expect(result.both == 1 && result.firstOnly == 2 && result.secondOnly == 1 && result.neither == 1)
        #expect(result.pValue == 1)
        #expect(McNemar([true], [true]).pValue == 1)
    }

    @Test(arguments: InferenceFixture.shared.wilcoxon) func wilcoxonMatchesScipy(_ reference: InferenceFixture.WilcoxonCase) throws {
        let result = try #require(WilcoxonSignedRank(reference.x, reference.y))
        #expect(result.method.rawValue == reference.method)
        #expect(isClose(result.statistic, reference.statistic, relative: 1e-12), "T \(result.statistic) vs \(reference.statistic)")
        #expect(isClose(result.pValue, reference.pValue, relative: 1e-9), "p \(result.pValue) vs \(reference.pValue)")
    }

    @Test func wilcoxonNeedsANonzeroDifference() {
        #expect(WilcoxonSignedRank([3, 4], [3, 4]) == nil)
        let swapped = WilcoxonSignedRank([1.0, 5, 2, 8], [2.0, 1, 4, 3])!
        let original = WilcoxonSignedRank([2.0, 1, 4, 3], [1.0, 5, 2, 8])!
        #expect(swapped.pValue == original.pValue && swapped.statistic == original.statistic)
    }
}
