import ConvergeDetection
import ConvergeMetrics
import ConvergeStatistics
import Foundation
import Testing

@testable import ConvergeAnalysis

/// RESULTS.md's agreement of the loop verdicts with the shipped blind labels, recomputed from the
/// shipped transcripts and label files (the loop verdicts read no embedding), so a change to a
/// detector cannot leave a stale κ in RESULTS.md.
@Suite struct ShippedBlindLabelsTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every verdict's agreement with a label file, each conversation's series computed once.
    func agreements(run: String, labels: String) throws -> [VerdictName: BinaryAgreement] {
        let directory = try RunDirectory.load(root.appendingPathComponent(run))
        let byConversation = Dictionary(
            try LabelFile.read(root.appendingPathComponent(labels)).filter { $0.run == directory.name }.map { ($0.conversation, $0.converged) }
        ) { _, last in last }
        var agreements = Dictionary(uniqueKeysWithValues: VerdictName.allCases.map { ($0, BinaryAgreement(predicted: [], actual: [])) })
        for conversation in directory.conversations {
            guard let label = byConversation[conversation.id] else { continue }
            var series = TurnSeries(seed: conversation.seed)
            let verdicts = ConvergenceDetectors.calibrated.verdicts(conversation.outputs.map { series.append($0) })
            for name in VerdictName.allCases { agreements[name]?.record(predicted: verdicts[name].converged, actual: label) }
        }
        return agreements
    }

    /// (true positives, false positives, false negatives, true negatives) of a verdict against a label file.
    func table(_ agreement: BinaryAgreement?) -> [Int] {
        guard let agreement else { return [] }
        return [agreement.truePositives, agreement.falsePositives, agreement.falseNegatives, agreement.trueNegatives]
    }

    /// The five labelled runs of the default pair, with the shipped verdicts' confusion tables
    /// (looping at the end, dominant loop, ever looped): the calibration runs (lasts-to-the-end
    /// criterion), the three runs the defaults were chosen on, and the pre-registered held-out run.
    @Test(arguments: [
        ("data/calibration/paper-seed1", "data/calibration/paper-seed1/labels.jsonl", [[21, 0, 7, 22], [21, 0, 7, 22], [26, 16, 2, 6]]),
        ("data/calibration/paper-seed2", "data/calibration/paper-seed2/labels.jsonl", [[19, 0, 8, 23], [19, 3, 8, 20], [22, 17, 5, 6]]),
        ("results/interventions-50/control", "data/blind-labels/interventions-50-control.reader1.jsonl", [[27, 2, 0, 21], [27, 4, 0, 19], [27, 16, 0, 7]]),
        ("results/interventions-50/control", "data/blind-labels/interventions-50-control.reader2.jsonl", [[27, 2, 0, 21], [27, 4, 0, 19], [27, 16, 0, 7]]),
        ("data/blind-runs/heldout-seed3", "data/blind-labels/heldout-seed3.reader7.jsonl", [[25, 1, 2, 22], [26, 1, 1, 22], [27, 16, 0, 7]]),
        ("data/blind-runs/heldout-seed4", "data/blind-labels/heldout-seed4.majority.jsonl", [[23, 1, 5, 21], [26, 1, 2, 21], [28, 18, 0, 4]]),
        ("data/blind-runs/heldout-seed5", "data/blind-labels/heldout-seed5.reader13.jsonl", [[25, 2, 2, 21], [26, 2, 1, 21], [27, 12, 0, 11]]),
    ])
    func labelledRuns(run: String, labels: String, expected: [[Int]]) throws {
        let agreements = try agreements(run: run, labels: labels)
        #expect([VerdictName.loopingAtEnd, .dominantLoop, .everLooped].map { table(agreements[$0]) } == expected)
    }

    /// The pre-registered claim (data/blind-labels/seed5-preregistration.txt): on the held-out run
    /// the default verdict agrees with the three readers at κ ≥ 0.85.
    @Test func theDefaultVerdictOnThePreRegisteredHeldOutRun() throws {
        let agreements = try agreements(run: "data/blind-runs/heldout-seed5", labels: "data/blind-labels/heldout-seed5.reader13.jsonl")
        let kappa = try #require(agreements[VerdictName.defaultVerdict]?.cohensKappa)
        #expect(kappa >= 0.85, "κ \(kappa)")
    }

    @Test func temperatureOneFalseAlarms() throws {
        let cells = [
            ("temperature-1.0_top_p-0.8", "temperature-1.0_top_p-0.8-and-1.0.reader3.jsonl", [3, 0, 0, 7]),
            ("temperature-1.0_top_p-1.0", "temperature-1.0_top_p-0.8-and-1.0.reader3.jsonl", [0, 0, 0, 10]),
            ("temperature-1.0_top_p-0.95", "temperature-1.0_top_p-0.95.jsonl", [0, 0, 0, 10]),
        ]
        for (cell, labels, expected) in cells {
            let agreements = try agreements(run: "results/temperature-top-p-10/\(cell)", labels: "data/blind-labels/\(labels)")
            #expect(table(agreements[.dominantLoop]) == expected, "\(cell)")
        }
    }
}
