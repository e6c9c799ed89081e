import ConvergeStatistics
import Testing

@testable import ConvergeDetection
@testable import ConvergeMetrics

@Suite struct CalibrationTests {
    /// Converged conversations have a low BLEU distance from turn 4 on; the rest hover at 0.6.
    static let conversations: [LabelledConversation] = (0..<12).map { index in
        let converged = index % 3 != 0
        let values = (1...8).map { turn in converged && turn >= 4 ? 0.2 : 0.6 + Double(index % 4) / 20 }
        return LabelledConversation(
            id: "c\(index)", label: ConvergenceVerdict(onset: converged ? 4 : nil),
            series: series(.bleuDistancePrev, values))
    }

    @Test func sweepReportsEverySettingAndRecommendsTheBestKappa() throws {
        let grid = StudyRule.grid(
            thresholds: [.bleuDistancePrev: [0.1, 0.4, 0.7]], combinations: [.all], consecutiveTurns: [3, 6])
        #expect(grid.count == 6)
        let table = Calibration.sweep(grid, on: Self.conversations)
        #expect(table.count == 6)
        let best = try #require(Calibration.recommend(table))
        #expect(best.detector.thresholds == [.bleuDistancePrev: 0.4])
        #expect(best.detector.consecutiveTurns == 3)
        #expect(best.cohensKappa == 1 && best.f1 == 1 && best.onsetMeanAbsoluteError == 0)
        let loose = try #require(table.first { $0.detector.thresholds[.bleuDistancePrev] == 0.7 })
        #expect(loose.recall == 1 && loose.precision! < 1 && loose.cohensKappa! < 1)
    }

    @Test func loopGridCoversEveryCombination() {
        let grid = RepetitionLoopDetector.grid(
            signals: [.rep4Window: [0.2, 0.3], .compressionRatioWindow: [2, 3]], minimumLoopTurns: [3],
            maximumGaps: [0, 1], persistence: [true])
        #expect(grid.count == 8)
        #expect(Set(grid.map { $0.signals[.compressionRatioWindow]! }) == [2, 3])
    }

    @Test func crossValidationScoresHeldOutConversations() {
        let grid = StudyRule.grid(thresholds: [.bleuDistancePrev: [0.1, 0.4, 0.7]], combinations: [.all])
        let result = Calibration.crossValidate(grid, on: Self.conversations, folds: 3)
        #expect(result.heldOut.total == 12)
        #expect(result.heldOut.cohensKappa == 1)
        #expect(result.chosen.count == 3)
    }
}
