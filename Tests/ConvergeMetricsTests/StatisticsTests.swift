import Testing

@testable import ConvergeStatistics

@Suite struct StatisticsTests {
    /// The study's headline count, 35 of 50; reference values from the closed-form formula.
    @Test func wilsonInterval() throws {
        let interval = try #require(WilsonInterval(successes: 35, total: 50))
        #expect(isClose(interval.lower, 0.562496495355466))
        #expect(isClose(interval.upper, 0.8089644649911906))
        #expect(interval.proportion == 0.7)
        let none = try #require(WilsonInterval(successes: 0, total: 10))
        #expect(none.lower == 0 && isClose(none.upper, 0.2775327998628892))
        #expect(WilsonInterval(successes: 0, total: 0) == nil)
    }

    @Test func agreementMeasures() throws {
        var agreement = BinaryAgreement(predicted: [], actual: [])
        for (predicted, actual, count) in [(true, true, 20), (true, false, 5), (false, true, 10), (false, false, 15)] {
            for _ in 0..<count { agreement.record(predicted: predicted, actual: actual) }
        }
        #expect(agreement.precision == 0.8)
        #expect(isClose(try #require(agreement.recall), 2.0 / 3))
        #expect(isClose(try #require(agreement.f1), 40.0 / 55))
        #expect(isClose(try #require(agreement.cohensKappa), 0.4))
    }

    @Test func kappaIgnoresAgreementByChance() {
        let alwaysYes = BinaryAgreement(predicted: [true, true, true, true], actual: [true, true, true, false])
        #expect(alwaysYes.cohensKappa == 0)
        #expect(alwaysYes.f1! > 0.85)
        #expect(BinaryAgreement(predicted: [true, true], actual: [true, true]).cohensKappa == nil)
        #expect(BinaryAgreement(predicted: [false], actual: [false]).precision == nil)
    }

    @Test func onsetSummary() throws {
        let summary = try #require(OnsetSummary(onsets: [7, 3, 5, 5, 12]))
        #expect(summary.count == 5 && summary.minimum == 3 && summary.maximum == 12)
        #expect(summary.mean == 6.4)
        #expect(summary.lowerQuartile == 5 && summary.median == 5 && summary.upperQuartile == 7)
        #expect(summary.histogram.map(\.turn) == [3, 5, 7, 12])
        #expect(summary.histogram.map(\.count) == [1, 2, 1, 1])
        #expect(try #require(OnsetSummary(onsets: [1, 2])).median == 1.5)
        #expect(OnsetSummary(onsets: []) == nil)
    }
}
