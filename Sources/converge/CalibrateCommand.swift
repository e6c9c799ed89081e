import ArgumentParser
import ConvergeAnalysis
import Foundation

struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Tune both convergence detectors against hand labels.",
        discussion: """
            Loads each run's metrics (computing the analysis first where it is missing) and the labels
            from `converge label`, sweeps a grid of settings for the study's rule and for the loop
            detector, and prints the sensitivity table: precision, recall, F1 and Cohen's κ per setting,
            best first. The best-κ setting of each detector is recommended with its cross-validated κ
            and written as a detector file for `analyze --detectors` and `report --detectors`.
            A label names its run by directory name; labels of runs not given are ignored.
            """
    )

    @Argument(help: "Run directories.")
    var directories: [String]
    @Option(help: "A labels file (repeatable); default: each DIR/labels.jsonl.")
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
            var runs: [(run: RunDirectory, metrics: [ConversationMetrics])] = []
            for directory in directories {
                let run = try RunDirectory.load(URL(fileURLWithPath: directory))
                let analysis = try await RunAnalysis.prepare(run, detectors: nil, embedder: embedding.open).analysis
                runs.append((run, analysis.metrics))
            }
            let files = labels.isEmpty ? runs.map(\.run.labelsURL.path) : labels
            let labelled = try files.flatMap { file in try LabelFile.read(URL(fileURLWithPath: file)).map { (label: $0, file: file) } }
            let (conversations, notes) = try LabelledRuns.join(runs, labels: labelled)
            notes.forEach { FileHandle.standardError.write(Data("converge: \($0)\n".utf8)) }
            let outcome = try CalibrationOutcome(conversations, folds: folds)
            print(CalibrationTable.text(outcome, top: top), terminator: "")
            if let table {
                try CalibrationTable.writeCSV(outcome, to: URL(fileURLWithPath: table))
                print("Wrote the full sensitivity tables to \(table)")
            }
            try DetectorFile.write(outcome.detectors(runs: runs.map(\.run.name)), to: URL(fileURLWithPath: out))
            print("Wrote \(out); use it with converge analyze --detectors \(out)")
        }
    }
}
