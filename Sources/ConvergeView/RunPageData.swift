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
/// text alone: the word-set (Jaccard) distance to the previous turn and a Jaccard similarity heatmap.
struct RunPageData {
    var input: ReportInput
    var analysed: Bool
    /// The verdict whose onset marks loop spans and orders the charts.
    var defaultVerdict: String?

    static let liveColumn = TurnMetric.jaccardDistancePrev.rawValue

    static func load(_ url: URL) throws -> RunPageData {
        let run = try RunDirectory.load(url)
        if RunAnalysis.isCurrent(run), let analysis = try? RunAnalysis.read(run) {
            var input = ReportInput(analysis)
            let previous: [TurnMetric] = [.cosineDistancePrev, .jaccardDistancePrev, .bleuDistancePrev]
            input.chartColumns = previous.map(\.rawValue)
            return RunPageData(input: input, analysed: true, defaultVerdict: analysis.summary.defaultVerdict.rawValue)
        }
        let conversations = run.conversations.map { conversation in
            let texts = conversation.outputs
            let previous: [Double?] = texts.indices.map { $0 == 0 ? nil : JaccardDistance.distance(texts[$0 - 1], texts[$0]) }
            let matrix = texts.map { a in texts.map { b in 1 - JaccardDistance.distance(a, b) } }
            return ConversationReport(
                id: conversation.id, seed: conversation.seed, turns: conversation.turns, series: [liveColumn: previous],
                similarity: texts.isEmpty ? nil : SimilarityMatrix(label: "Jaccard similarity", values: matrix),
                name: conversation.name)
        }
        return RunPageData(input: ReportInput(title: run.name, conversations: conversations), analysed: false, defaultVerdict: nil)
    }

    /// The default verdict's onset, where the loop span starts; nil when it did not converge.
    func onset(_ conversation: ConversationReport) -> Int? {
        conversation.detections.first { $0.detector == defaultVerdict }?.onset
    }
}
