import ArgumentParser
import ConvergeAnalysis
import ConvergeAtlas
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import Foundation

struct AtlasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Map the loops of runs and experiments: which kinds of loop occur, and how often.",
        discussion: """
            Takes the looping span of every conversation that loops, under each verdict, from every \
            run given (a run directory, or an experiment directory whose conditions hold runs). Embeds \
            each span with MiniLM (the mean of its turns), clusters the spans deterministically \
            (average linkage on cosine distance), names each cluster by the word n-grams that set it \
            apart, and types it by form: verbatim_repetition, period_2_cycle, list_scaffold, \
            echoed_phrase or semantic_circling. Writes OUT/atlas.json (top-level `clusters`, each with \
            its `name`; no timestamp or path, so the same runs give the same bytes) and OUT/atlas.html \
            (self-contained: cluster sizes per run and model pair, typical excerpts, a t-SNE map of \
            the spans). Definitions: docs/ATLAS.md.
            """
    )

    @Argument(help: "Run or experiment directories.")
    var directories: [String]
    @Option(help: "Where atlas.json and atlas.html go; default: the first directory.")
    var out: String?
    @Option(help: "A detector file from `converge calibrate`; default: the built-in calibrated thresholds.")
    var detectors: String?
    @OptionGroup var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            let urls = directories.map { URL(fileURLWithPath: $0) }
            let settings = try detectors.map { try DetectorFile.read(URL(fileURLWithPath: $0)) } ?? .calibrated
            _ = try AtlasSources.runs(in: urls)
            let embedder = try await embedding.open()
            let atlas = try await cancellingOnSignals {
                try await AtlasWorkflow.build(
                    urls, detectors: settings, embedder: embedder, warning: { StandardError.line("converge: warning: \($0)") },
                    progress: { StandardError.line("converge: atlas: \($0)") })
            }
            let directory = URL(fileURLWithPath: out ?? directories[0])
            let title = urls.map(\.standardizedFileURL.lastPathComponent).joined(separator: ", ")
            let files = try AtlasWorkflow.write(atlas, title: title, to: directory)
            print("\(atlas.spans.count) looping spans in \(atlas.clusters.count) clusters")
            for (index, cluster) in atlas.clusters.enumerated() {
                print("  \(index + 1). \(cluster.name) [\(cluster.form.rawValue)]: \(cluster.spans.count)")
            }
            print("Wrote " + files.map(\.lastPathComponent).joined(separator: ", ") + " in \(directory.path)")
        }
    }
}
