import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import Foundation

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Tune the study rule and the loop detector against labels.",
        discussion: """
            Loads each run's metrics (computing the analysis first where it is missing) and the labels \
            from `converge label`, sweeps a grid of settings for the study's rule and for the loop \
            detector, and prints the sensitivity table: precision, recall, F1 and Cohen's κ per setting, \
            best first. The best-κ setting of each detector is recommended with its cross-validated κ \
            and written as a detector file for `analyze --detectors` and `report --detectors`. \
            Runs given with --evaluate take no part in the fit: the recommended settings are scored on \
            their labels, the held-out check of docs/LABELLING.md. A label names its run by directory \
            name; labels of runs not given are ignored.
            """
    )

    @Argument(help: "Run directories.")
    var directories: [String]
    @Option(name: .customLong("evaluate"), help: "A run whose labels only score the recommended settings (repeatable).")
    var evaluationDirectories: [String] = []
    @Option(help: "A labels file (repeatable); default: each run's labels.jsonl.")
    var labels: [String] = []
    @Option(help: "Where to write the detector file.")
    var out: String = "detectors.json"
    @Option(help: "Also write every row of both sensitivity tables to this CSV file.")
    var table: String?
    @Option(help: "Rows of each table to print.")
    var top: Int = 10
    @Option(help: "Cross-validation folds.")
    var folds: Int = 5
    @OptionGroup(title: "Embedding (used only where an analysis must be computed)") var embedding: EmbeddingOptions

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give at least one run directory") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2, got \(folds)") }
    }

    func run() async throws {
        try await runReportingErrors {
            let runs = try await load(directories)
            let evaluationRuns = try await load(evaluationDirectories)
            let files = labels.isEmpty ? (runs + evaluationRuns).map(\.run.labelsURL.path) : labels
            let labelled = try files.flatMap { file in try LabelFile.read(URL(fileURLWithPath: file)).map { (label: $0, file: file) } }
            let notes = try LabelledRuns.join(runs + evaluationRuns, labels: labelled).notes
            notes.forEach { StandardError.line("converge: \($0)") }
            var outcome = try CalibrationOutcome(try LabelledRuns.join(runs, labels: labelled).conversations, folds: folds)
            if !evaluationRuns.isEmpty {
                outcome.evaluate(on: try LabelledRuns.join(evaluationRuns, labels: labelled).conversations)
            }
            print(CalibrationTable.text(outcome, top: top), terminator: "")
            if let table {
                try CalibrationTable.writeCSV(outcome, to: URL(fileURLWithPath: table))
                print("Wrote the full sensitivity tables to \(table)")
            }
            let labellers = Set(labelled.map { $0.label.labeller }).sorted()
            try DetectorFile.write(
                outcome.detectors(runs: runs.map(\.run.name), labellers: labellers), to: URL(fileURLWithPath: out))
            print("Wrote \(out); use it with converge analyze --detectors \(out)")
        }
    }

    /// Each run with its metrics, analysing it first where the saved analysis is missing or stale.
    private func load(_ directories: [String]) async throws -> [(run: RunDirectory, metrics: [ConversationMetrics])] {
        var runs: [(run: RunDirectory, metrics: [ConversationMetrics])] = []
        for directory in directories {
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            runs.append((run, try await RunAnalysis.prepare(run, detectors: nil, embedder: embedding.open).analysis.metrics))
        }
        return runs
    }
}
