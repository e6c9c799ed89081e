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

    /// (true positives, false positives, false negatives, true negatives) of a verdict against a label file.
    func table(run: String, labels: String, verdict: VerdictName) throws -> [Int] {
        let directory = try RunDirectory.load(root.appendingPathComponent(run))
        let byConversation = Dictionary(
            try LabelFile.read(root.appendingPathComponent(labels)).filter { $0.run == directory.name }.map { ($0.conversation, $0.converged) }
        ) { _, last in last }
        var counts = [0, 0, 0, 0]
        for conversation in directory.conversations {
            guard let label = byConversation[conversation.id] else { continue }
            var series = TurnSeries(seed: conversation.seed)
            let rows = conversation.outputs.map { series.append($0) }
            let said = ConvergenceDetectors.calibrated.verdicts(rows)[verdict].converged
            counts[said ? (label ? 0 : 1) : (label ? 2 : 3)] += 1
        }
        return counts
    }

    @Test func theFiftyHeldOutControlConversations() throws {
        for reader in ["reader1", "reader2"] {
            let labels = "data/blind-labels/interventions-50-control.\(reader).jsonl"
            #expect(try table(run: "results/interventions-50/control", labels: labels, verdict: .loopingAtEnd) == [27, 3, 0, 20])
            #expect(try table(run: "results/interventions-50/control", labels: labels, verdict: .dominantLoop) == [27, 6, 0, 17])
            #expect(try table(run: "results/interventions-50/control", labels: labels, verdict: .everLooped) == [27, 21, 0, 2])
        }
    }

    @Test func temperatureOneFalseAlarms() throws {
        let cells = [
            ("temperature-1.0_top_p-0.8", "temperature-1.0_top_p-0.8-and-1.0.reader3.jsonl", [3, 0, 0, 7]),
            ("temperature-1.0_top_p-1.0", "temperature-1.0_top_p-0.8-and-1.0.reader3.jsonl", [0, 0, 0, 10]),
            ("temperature-1.0_top_p-0.95", "temperature-1.0_top_p-0.95.jsonl", [0, 1, 0, 9]),
        ]
        for (cell, labels, expected) in cells {
            let counts = try table(run: "results/temperature-top-p-10/\(cell)", labels: "data/blind-labels/\(labels)", verdict: .dominantLoop)
            #expect(counts == expected, "\(cell)")
        }
    }
}
