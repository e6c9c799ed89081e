import ArgumentParser
import ConvergeAnalysis
import ConvergeCore
import ConvergeReport
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a run.",
        discussion: """
            Writes DIR/report.html from run.json, the transcript and the analysis files (metrics.csv, \
            summary.json, similarity.json, tsne.csv). When the analysis is missing or older than the \
            transcript, it is computed first, as `converge analyze` would. The page has inline CSS and \
            SVG and makes no network fetches. With --png, the charts are also written to DIR/charts as \
            SVG and PNG (needs rsvg-convert).
            """
    )

    @Argument(help: "The run directory.")
    var directory: String
    @Flag(help: "Also export every chart as PNG into DIR/charts (needs rsvg-convert).")
    var png = false
    @Option(help: "A detector file; default: the settings of the saved analysis, or the calibrated defaults.")
    var detectors: String?
    @OptionGroup(title: "Embedding (used only when the analysis must be computed)") var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            let run = try RunDirectory.load(URL(fileURLWithPath: directory))
            run.warnings.forEach { StandardError.line("converge: warning: \($0)") }
            let settings = try detectors.map { try DetectorFile.read(URL(fileURLWithPath: $0)) }
            let (analysis, computed) = try await cancellingOnSignals { [embedding] in
                try await RunAnalysis.prepare(run, detectors: settings, embedder: embedding.open)
            }
            if computed { print("Analysis updated: metrics.csv and summary.json in \(run.url.path)") }
            let input = ReportInput(analysis)
            print("Wrote \(try writeReport(input, to: run.url).path)")
            if png {
                let result = try exportPNGs(reportCharts(input), to: run.url.appendingPathComponent("charts"))
                print("Wrote \(result.written.count) PNG charts in \(run.url.appendingPathComponent("charts").path)")
                result.messages.forEach { StandardError.line("converge: \($0)") }
            }
        }
    }
}
