import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import Foundation

/// What a run page draws, as the report's own input type so its charts can be reused.
///
/// An analysed run (a current `summary.json` and `metrics.csv`) shows exactly the saved numbers.
/// A run still being written has no embeddings yet, so its page shows what can be computed from the
/// text alone: the word-set (Jaccard) distance to the previous turn, a Jaccard similarity heatmap,
/// and the loop span of the default verdict from the text-only loop detector with its calibrated
/// thresholds (what `converge analyze` uses unless told otherwise).
struct RunPageData {
    var input: ReportInput
    var analysed: Bool
    /// The verdict whose onset marks loop spans and orders the charts.
    var defaultVerdict: String?

    static let liveColumn = TurnMetric.jaccardDistancePrev.rawValue

    /// - Parameters:
    ///   - url: the run directory.
    ///   - labels: only the conversations with these labels (the live endpoint's changed ones); nil
    ///     for all.
    static func load(_ url: URL, only labels: Set<String>? = nil) throws -> RunPageData {
        var run = try RunDirectory.load(url)
        if RunAnalysis.isCurrent(run), let analysis = try? RunAnalysis.read(run) {
            var input = ReportInput(analysis)
            if let labels { input.conversations.removeAll { !labels.contains($0.label) } }
            let previous: [TurnMetric] = [.cosineDistancePrev, .jaccardDistancePrev, .bleuDistancePrev]
            input.chartColumns = previous.map(\.rawValue)
            return RunPageData(input: input, analysed: true, defaultVerdict: analysis.summary.defaultVerdict.rawValue)
        }
        if let labels { run.conversations.removeAll { !labels.contains($0.identifier.description) } }
        let verdict = VerdictName.defaultVerdict
        let conversations = run.conversations.map { conversation in
            let texts = conversation.outputs
            let rows = TurnSeries.compute(seed: conversation.seed, outputs: texts)
            // The loop detector reads text only, so the loop span can be shaded before any analysis.
            var tracker = ConvergenceDetectors.calibrated.loop.makeTracker()
            rows.forEach { tracker.append($0) }
            let loop = tracker.verdict(verdict)
            let matrix = texts.map { a in texts.map { b in 1 - JaccardDistance.distance(a, b) } }
            return ConversationReport(
                id: conversation.id, seed: conversation.seed, turns: conversation.turns,
                series: [liveColumn: rows.map { $0[.jaccardDistancePrev] }],
                detections: loop.map { [Detection(detector: verdict.rawValue, converged: $0.converged, onset: $0.onset)] } ?? [],
                similarity: texts.isEmpty ? nil : SimilarityMatrix(label: "Jaccard similarity", values: matrix),
                name: conversation.name)
        }
        return RunPageData(
            input: ReportInput(title: run.name, conversations: conversations), analysed: false, defaultVerdict: verdict.rawValue)
    }

    /// The default verdict's onset, where the loop span starts; nil when it did not converge.
    func onset(_ conversation: ConversationReport) -> Int? {
        conversation.detections.first { $0.detector == defaultVerdict }?.onset
    }
}
