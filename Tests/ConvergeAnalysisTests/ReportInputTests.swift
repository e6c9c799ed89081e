import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct ReportInputTests {
    @Test func reportShowsTheSavedAnalysis() async throws {
        var records = SyntheticRun.records(conversations: 3)
        records[0].text = "<script>alert(1)</script> &amp;"
        records[1].intervention = TurnIntervention(action: .perturb, detail: "<b>Change</b> the subject")
        let directory = try SyntheticRun.write(records)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let (analysis, computed) = try await RunAnalysis.prepare(run, detectors: nil) { HashingEmbedder() }
        #expect(computed && RunAnalysis.isCurrent(run))
        let (saved, recomputed) = try await RunAnalysis.prepare(run, detectors: nil) {
            Issue.record("a current analysis must be reused")
            return HashingEmbedder()
        }
        #expect(!recomputed)

        let input = ReportInput(saved)
        #expect(input.detectors.map(\.verdict) == VerdictName.allCases)
        #expect(input.detectors[1].converged == analysis.summary[.dominantLoop].converged)
        #expect(input.detectors[3].ciLow == analysis.summary[.studyRule].ciLow)
        #expect(input.conversations[0].detections.map(\.detector) == VerdictName.allCases.map(\.rawValue))
        #expect(input.conversations.count == 3)
        #expect(input.conversations[0].similarity?.values.count == SyntheticRun.turns + 1)
        #expect(input.conversations[0].thresholds["rep_4_window"] == RepetitionLoopDetector.calibrated.signals[.rep4Window])
        #expect(input.conversations[0].series["bleu_distance_prev"]?.count == SyntheticRun.turns)
        #expect(input.tsnePoints.count == 3 * (SyntheticRun.turns + 1) && input.tsneKLDivergence != nil)
        #expect(input.tsnePoints.filter(\.isSeed).count == 3)
        #expect(Set(input.aggregates.map(\.pair)) == ["prev", "self", "seed"])
        let prev = try #require(input.aggregates.first { $0.pair == "prev" && $0.metric == "bleu_distance" })
        #expect(prev.mean.count == SyntheticRun.turns && prev.low[1] != nil)
        #expect(input.metricDefinitions.signatures.contains { $0.key == "bleu" })
        #expect(input.parameters.contains { $0.key == "turns" && $0.value == "10" })
        // One Kaplan–Meier curve per verdict. Every synthetic conversation has the same length, so the
        // curve ends at the share that never converged, whatever the onsets were.
        #expect(input.survival.map(\.label) == VerdictName.allCases.map(\.rawValue))
        for (curve, name) in zip(input.survival, VerdictName.allCases) {
            let result = analysis.summary[name]
            #expect(curve.times.first == 0 && curve.times.last == Double(SyntheticRun.turns))
            #expect(abs((curve.survival.last ?? -1) - Double(result.total - result.converged) / Double(result.total)) < 1e-12)
        }
        let changed = try #require(input.conversations.first { $0.id == records[1].conversation })
        #expect(changed.interventions == [Intervention(turn: records[1].turn, description: "perturb: <b>Change</b> the subject")])

        let html = try String(contentsOf: writeReport(input, to: directory), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;") && !html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;b&gt;Change&lt;/b&gt;") && !html.contains("<b>Change"))
        #expect(html.contains(#"id="plot-time-to-loop""#))
    }
}
