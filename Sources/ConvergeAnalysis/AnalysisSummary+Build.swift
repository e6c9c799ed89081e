import ConvergeCore
import ConvergeDetection
import ConvergeMetrics

extension AnalysisSummary {
    /// Runs every detector over every conversation and gathers the headline numbers.
    /// - Parameters:
    ///   - runName: the run directory's name.
    ///   - metrics: every conversation's series.
    ///   - detectors: the detector settings.
    ///   - embedder: the embedder's name.
    ///   - tsne: the t-SNE run, if any.
    /// - Returns: the summary.
    static func build(
        runName: String, metrics: [ConversationMetrics], detectors: ConvergenceDetectors, embedder: String,
        tsne: TSNERecord?
    ) -> AnalysisSummary {
        let verdicts = metrics.map { detectors.verdicts($0.series) }
        let conversations = zip(metrics, verdicts).map { entry, verdicts in
            ConversationResult(
                conversation: entry.conversation.identifier, seedIndex: entry.conversation.seedIndex,
                replicate: entry.conversation.replicate, turns: entry.series.count, selfBLEU: entry.selfBLEU,
                verdicts: verdicts)
        }
        let turnCounts = Set(metrics.map(\.series.count))
        let results = Dictionary(
            uniqueKeysWithValues: VerdictName.allCases.map { name in
                (
                    name,
                    VerdictOutcome(
                        verdict: name, description: detectors.summaryLine(name), verdicts: verdicts.map { $0[name] },
                        lastTurns: metrics.map(\.series.count))
                )
            })
        return AnalysisSummary(
            run: runName, conversationCount: metrics.count, turnCount: metrics.reduce(0) { $0 + $1.series.count },
            embedder: embedder, detectorSettings: detectors, defaultVerdict: .defaultVerdict, verdicts: results,
            signatures: MetricSignatures.all(
                embedder: embedder, outputsPerConversation: turnCounts.count == 1 ? turnCounts.first : nil),
            models: ModelFigures.compute(metrics, verdicts: verdicts),
            conversations: conversations, tsne: tsne)
    }
}
