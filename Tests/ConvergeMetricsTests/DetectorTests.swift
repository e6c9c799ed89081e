import Foundation
import Testing

@testable import ConvergeDetection
@testable import ConvergeMetrics

/// Rows with one metric set per turn, for detector tests.
func series(_ metric: TurnMetric, _ values: [Double]) -> [TurnMetrics] {
    values.enumerated().map { TurnMetrics(turn: $0.offset + 1, values: [metric: $0.element]) }
}

@Suite struct DetectorTests {
    let study = StudyRule(thresholds: [.bleuDistancePrev: 0.5], combination: .all, consecutiveTurns: 3)
    let loop = RepetitionLoopDetector(signals: [.rep4Window: 0.3], minimumLoopTurns: 3, maximumGap: 1)

    @Test func studyRuleOnsetIsTheStartOfTheFirstRunOfK() {
        let rows = series(.bleuDistancePrev, [0.9, 0.4, 0.4, 0.9, 0.4, 0.3, 0.2, 0.9])
        #expect(study.detect(rows) == ConvergenceVerdict(onset: 5))
        #expect(study.detect(Array(rows.prefix(6))) == ConvergenceVerdict(onset: nil))
    }

    @Test func studyRuleCombinations() {
        let row = TurnMetrics(turn: 1, values: [.bleuDistancePrev: 0.1, .jaccardDistancePrev: 0.9])
        let thresholds: [TurnMetric: Double] = [.bleuDistancePrev: 0.5, .jaccardDistancePrev: 0.5, .cosineDistancePrev: 0.5]
        #expect(StudyRule(thresholds: thresholds, combination: .any).holds(at: row))
        #expect(!StudyRule(thresholds: thresholds, combination: .majority).holds(at: row))
        var two = row
        two[.cosineDistancePrev] = 0.1
        #expect(StudyRule(thresholds: thresholds, combination: .majority).holds(at: two))
        #expect(!StudyRule(thresholds: thresholds, combination: .all).holds(at: two))
    }

    @Test func loopMustPersistToTheEnd() {
        let escaped = series(.rep4Window, [0, 0.5, 0.5, 0.5, 0.5, 0, 0, 0])
        #expect(loop.detect(escaped) == ConvergenceVerdict(onset: nil))
        var lenient = loop
        lenient.requiresPersistence = false
        #expect(lenient.detect(escaped) == ConvergenceVerdict(onset: 2))
        let persistent = series(.rep4Window, [0, 0.5, 0.5, 0, 0.5, 0.5, 0])
        #expect(loop.detect(persistent) == ConvergenceVerdict(onset: 2))
        let restarted = series(.rep4Window, [0.5, 0.5, 0.5, 0, 0, 0.5, 0.5, 0.5])
        #expect(loop.detect(restarted) == ConvergenceVerdict(onset: 6))
    }

    @Test(arguments: [[0.0, 0.5, 0.5, 0.5, 0, 0.5], [0.5, 0, 0, 0.5, 0.5, 0.5, 0.5, 0, 0], [0.5, 0.5]])
    func liveTrackingAgreesWithBatchAtEveryTurn(_ values: [Double]) {
        let rows = series(.rep4Window, values)
        var tracker = loop.makeTracker()
        for (index, row) in rows.enumerated() {
            #expect(tracker.append(row) == loop.detect(Array(rows.prefix(index + 1))))
        }
    }

    @Test func detectorFileRoundTripsWithColumnNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(ConvergenceDetectors.calibrated)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"bleu_distance_prev\":0.3"))
        #expect(json.contains("\"rep_4_window\":0.3"))
        #expect(json.contains("AI readers"))
        #expect(try JSONDecoder().decode(ConvergenceDetectors.self, from: data) == .calibrated)
    }

    @Test func defaultsCatchASyntheticLoop() {
        let loopText = "I love you. I love you. I love you. I love"
        let outputs =
            ["The sun rose over the quiet valley.", "Birds began to sing in the tall trees."]
            + Array(repeating: loopText, count: 6)
        let rows = TurnSeries.compute(seed: "Morning came.", outputs: outputs)
        #expect(RepetitionLoopDetector.calibrated.detect(rows).onset == 3)
        #expect(StudyRule.fitted.detect(rows).onset == 4)
        // The study's rule needs cosine distance and coherence difference, which need embeddings.
        #expect(StudyRule.study.detect(rows).onset == nil)
    }
}
