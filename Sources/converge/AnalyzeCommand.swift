import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute every metric, detect convergence and summarise a run.",
        discussion: """
            Reads DIR/transcript.jsonl, with seeds from DIR/run.json or, for a transcript from another \
            tool, from each row's `seed` field; `conversation` may be a number or a string id. Writes \
            DIR/metrics.csv (one row per turn: every metric for the prev, self and seed pairs), \
            DIR/summary.json (for every named verdict (looping_at_end, dominant_loop, ever_looped, \
            study_rule, fitted_rule) converged count / total with a Wilson 95% CI and onsets; the \
            default_verdict; per-model figures, detector settings, metric signatures, each \
            conversation's verdicts, escape turns, loop share and self-BLEU), DIR/similarity.json (turn × turn \
            cosine similarity per conversation) and DIR/tsne.csv (the t-SNE map of outputs and seeds). \
            Definitions: docs/METRICS.md.
            """
    )

    @Argument(help: "The run directory.")
    var directory: String
    @Option(help: "A detector file from `converge calibrate`; default: the built-in calibrated thresholds.")
    var detectors: String?
    @Option(help: "A labels file (`converge label` format): also print each verdict's agreement with it, κ with a bootstrap 95% CI.")
    var labels: String?
    @Flag(help: "Skip the t-SNE map (tsne.csv).")
    var noTSNE = false
    @OptionGroup var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            run.warnings.forEach { StandardError.line("converge: warning: \($0)") }
            let settings = try detectors.map { try DetectorFile.read(URL(fileURLWithPath: $0)) } ?? .calibrated
            let embedder = try await embedding.open()
            let analysis = try await cancellingOnSignals {
                try await RunAnalysis.compute(run, detectors: settings, embedder: embedder, includeTSNE: !noTSNE)
            }
            let files = try analysis.write()
            print(TerminalSummary.text(analysis.summary), terminator: "")
            if let labels {
                let agreement = try VerdictAgreement(summary: analysis.summary, labels: try LabelFile.read(URL(fileURLWithPath: labels)))
                print("\n" + agreement.text, terminator: "")
            }
            print("\nWrote " + files.map(\.lastPathComponent).joined(separator: ", ") + " in \(run.url.path)")
        }
    }
}
