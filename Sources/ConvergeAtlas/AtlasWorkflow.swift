import ConvergeAnalysis
public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
public import Foundation

/// `converge atlas`: read the runs, embed and analyse each, build the atlas, write `atlas.json`
/// and `atlas.html`.
public enum AtlasWorkflow {
    /// - Parameters:
    ///   - directories: run or experiment directories.
    ///   - detectors: the detector settings behind the verdicts.
    ///   - embedder: the sentence embedder (MiniLM by default).
    ///   - warning: receives one line per problem that does not stop the atlas.
    ///   - progress: receives one line as each run is embedded and before clustering.
    /// - Returns: the atlas.
    /// - Throws: `ConvergeError` for a missing or malformed run; what the embedder throws.
    public static func build(
        _ directories: [URL], detectors: ConvergenceDetectors, embedder: any Embedder, warning: (String) -> Void,
        progress: (String) -> Void = { _ in }
    ) async throws -> Atlas {
        var runs: [(name: String, metrics: [ConversationMetrics])] = []
        let sources = try AtlasSources.runs(in: directories)
        let clock = ContinuousClock()
        let start = clock.now
        for (index, source) in sources.enumerated() {
            let run = try RunDirectory.load(source.url)
            run.warnings.forEach(warning)
            runs.append((source.name, try await ConversationMetrics.compute(run.conversations, embedder: embedder)))
            let turns = run.conversations.reduce(0) { $0 + $1.outputs.count }
            let elapsed = (clock.now - start).components.seconds
            progress("run \(index + 1)/\(sources.count) \(source.name): \(run.conversations.count) conversations, \(turns) turns embedded · \(elapsed)s")
        }
        progress("clustering the looping spans of \(runs.count) runs")
        return try Atlas.build(runs: runs, detectors: detectors, embedder: embedder.name)
    }

    /// Writes `atlas.json` and `atlas.html` into `directory`, creating it if needed.
    /// - Returns: the files written.
    /// - Throws: `ConvergeError` (code `.io`).
    @discardableResult
    public static func write(_ atlas: Atlas, title: String, to directory: URL) throws -> [URL] {
        let json = directory.appendingPathComponent("atlas.json")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(atlas).write(to: json, options: .atomic)
            return [json, try writeAtlasReport(atlas.reportInput(title: title), to: directory)]
        } catch let error as ReportError {
            throw ConvergeError(.io, error.message)
        } catch {
            throw ConvergeError(.io, "cannot write \(json.path): \(error.localizedDescription)")
        }
    }
}
