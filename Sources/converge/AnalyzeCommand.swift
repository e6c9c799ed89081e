import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import ConvergeMetrics
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute every metric, detect convergence and summarise a run.",
        discussion: """
            Reads DIR/transcript.jsonl, with seeds from DIR/run.json or, for a transcript from another \
            tool, from each row's `seed` field. Writes DIR/metrics.csv (one row per turn: every metric \
            for the prev, self and seed pairs), DIR/summary.json (converged count / total with a Wilson \
            95% CI and onsets for both detectors, per-model figures, detector settings, metric \
            signatures, each conversation's verdicts and self-BLEU), DIR/similarity.json (turn × turn \
            cosine similarity per conversation) and DIR/tsne.csv (the t-SNE map of outputs and seeds). \
            Definitions: docs/METRICS.md.
            """
    )

    @Argument(help: "The run directory.")
    var directory: String
    @Option(help: "A detector file from `converge calibrate`; default: the built-in calibrated thresholds.")
    var detectors: String?
    @Flag(help: "Skip the t-SNE map (tsne.csv).")
    var noTSNE = false
    @OptionGroup var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            run.warnings.forEach { StandardError.line("converge: warning: \($0)") }
            let settings = try detectors.map { try DetectorFile.read(URL(fileURLWithPath: $0)) } ?? .calibrated
            let embedder = try embedding.open()
            let analysis = try await cancellingOnSignals {
                try await RunAnalysis.compute(run, detectors: settings, embedder: embedder, includeTSNE: !noTSNE)
            }
            let files = try analysis.write()
            print(TerminalSummary.text(analysis.summary), terminator: "")
            print("\nWrote " + files.map(\.lastPathComponent).joined(separator: ", ") + " in \(run.url.path)")
        }
    }
}
