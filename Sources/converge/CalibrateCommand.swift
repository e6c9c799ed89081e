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
            let workflow = CalibrationWorkflow(
                runs: directories.map { URL(fileURLWithPath: $0) }, evaluationRuns: evaluationDirectories.map { URL(fileURLWithPath: $0) },
                labelFiles: labels.map { URL(fileURLWithPath: $0) }, folds: folds)
            let result = try await workflow.run(embedder: embedding.open)
            result.notes.forEach { StandardError.line("converge: \($0)") }
            print(CalibrationTable.text(result.outcome, top: top), terminator: "")
            if let table {
                try CalibrationTable.writeCSV(result.outcome, to: URL(fileURLWithPath: table))
                print("Wrote the full sensitivity tables to \(table)")
            }
            try DetectorFile.write(result.detectors, to: URL(fileURLWithPath: out))
            print("Wrote \(out); use it with converge analyze --detectors \(out)")
        }
    }
}
