import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import ConvergeExperiment
import Foundation

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the conditions of an experiment: convergence rates, onsets and pairwise tests.",
        discussion: """
            Reads each condition's summary.json, running `converge analyze` first where it is missing \
            or out of date, and its run.json. Prints which design the tests used and why, then per \
            detector each condition's convergence rate with a Wilson 95% CI, its onsets and its \
            Kaplan-Meier median time to loop, and pairwise tests: Fisher's exact test on the rates, the \
            log-rank test on time to loop, and Mann-Whitney U on converged-only onsets (kept, labelled). \
            When conditions share seeds, paired tests follow: McNemar on converged flags and Wilcoxon \
            signed-rank on onsets and self-BLEU. A sweep adds a logistic regression of the verdict on \
            its factors. Holm-corrected per detector and test. Warns when conditions ran with \
            different arithmetic, or batch-dependent at different --parallel widths. Branch conditions \
            (an experiment's `branch:`) are left out of the tests; for each, the share of branches that \
            escape the loop within --escape-within turns, next to its parent's conversations left \
            alone. Writes DIR/comparison.json, DIR/comparison.csv (the tests), DIR/conditions.csv (the \
            rates), DIR/persistence.csv (with branch conditions) and DIR/comparison.html (with \
            Kaplan-Meier curves). Definitions: docs/METRICS.md, "Comparing conditions"; docs/ATLAS.md, \
            "Persistence".
            """
    )

    @Argument(help: "The experiment directory (from `converge experiment`).")
    var directory: String
    @Option(help: "Compare each condition with this one only, instead of every pair.")
    var control: String?
    @Option(help: "A detector file from `converge calibrate`; default: each condition's saved settings.")
    var detectors: String?
    @Option(help: "K of a branch condition's escape share: escaped means no longer looping K turns after the branch turn.")
    var escapeWithin = 5
    @OptionGroup var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            let url = URL(fileURLWithPath: directory)
            guard escapeWithin >= 1 else { throw ConvergeError(.invalidParameter, "--escape-within must be at least 1 (got \(escapeWithin))") }
            let settings = try detectors.map { try DetectorFile.read(URL(fileURLWithPath: $0)) }
            let comparison = try await cancellingOnSignals { [embedding, control, escapeWithin] in
                try await Comparison.load(
                    url, detectors: settings, control: control, escapeWithin: escapeWithin, embedder: embedding.open,
                    announce: { StandardError.line("converge: analysed \($0)") },
                    warn: { StandardError.line("converge: warning: \($0)") })
            }
            let files = try comparison.write(to: url)
            print(comparison.table, terminator: "")
            print("\nWrote " + files.map(\.lastPathComponent).joined(separator: ", ") + " in \(url.path)")
        }
    }
}
