public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics
public import Foundation

/// Everything `converge analyze` computes for a run: the per-turn series, the summary, the t-SNE map
/// and the similarity matrices.
public struct RunAnalysis: Sendable {
    public var run: RunDirectory
    public var metrics: [ConversationMetrics]
    public var summary: AnalysisSummary
    /// Empty when t-SNE was skipped or there were too few points.
    public var tsne: [TSNERow]
    /// Empty when the analysis was read back without `similarity.json`.
    public var similarity: [ConversationSimilarity]

    /// Analyses a run: embeds every text once, computes each conversation's series, runs both
    /// detectors, and (unless skipped) the t-SNE map.
    /// - Parameters:
    ///   - run: the loaded run directory.
    ///   - detectors: the detector settings.
    ///   - embedder: the sentence embedder for cosine and coherence.
    ///   - includeTSNE: whether to compute the t-SNE map.
    /// - Returns: the analysis, not yet written.
    /// - Throws: what the embedder throws; `ConvergeError` when t-SNE fails; `CancellationError`.
    public static func compute(
        _ run: RunDirectory, detectors: ConvergenceDetectors, embedder: any Embedder, includeTSNE: Bool = true
    ) async throws -> RunAnalysis {
        let metrics = try await ConversationMetrics.compute(run.conversations, embedder: embedder)
        let map = includeTSNE ? try TSNEMap.compute(metrics) : nil
        let summary = AnalysisSummary.build(
            runName: run.name, metrics: metrics, detectors: detectors, embedder: embedder.name, tsne: map?.record)
        return RunAnalysis(
            run: run, metrics: metrics, summary: summary, tsne: map?.rows ?? [],
            similarity: metrics.map(ConversationSimilarity.init))
    }

    /// Writes `metrics.csv`, `summary.json`, `similarity.json` and `tsne.csv` into the run directory,
    /// each atomically. A `tsne.csv` from an earlier analysis is removed when this one has no map,
    /// so the report never shows a stale one.
    /// - Returns: the files written.
    /// - Throws: `ConvergeError` (code `.io`).
    @discardableResult
    public func write() throws -> [URL] {
        var files: [(URL, Data)] = [
            (run.metricsURL, Data(MetricsFile.text(metrics).utf8)),
            (run.summaryURL, try Self.encode(summary)),
            (run.similarityURL, try Self.encode(similarity)),
        ]
        if tsne.isEmpty {
            try? FileManager.default.removeItem(at: run.tsneURL)
        } else {
            files.append((run.tsneURL, Data(TSNEMap.text(tsne).utf8)))
        }
        for (url, data) in files {
            do { try data.write(to: url, options: .atomic) } catch {
                throw ConvergeError(.io, "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
        return files.map(\.0)
    }

    /// Reads an analysis written by `write()` back.
    /// - Parameter run: the loaded run directory.
    /// - Returns: the analysis; conversations carry no embeddings.
    /// - Throws: `ConvergeError` (code `.io`) when a file is missing, malformed or out of date.
    public static func read(_ run: RunDirectory) throws -> RunAnalysis {
        let metrics = try MetricsFile.read(run.metricsURL, conversations: run.conversations)
        let summary: AnalysisSummary
        do {
            summary = try JSONDecoder().decode(AnalysisSummary.self, from: Data(contentsOf: run.summaryURL))
        } catch {
            throw ConvergeError(.io, "cannot read \(run.summaryURL.path): \(error.localizedDescription)")
        }
        let tsne = FileManager.default.fileExists(atPath: run.tsneURL.path) ? try TSNEMap.read(run.tsneURL) : []
        let similarity =
            FileManager.default.fileExists(atPath: run.similarityURL.path)
            ? try SimilarityFile.read(run.similarityURL) : []
        return RunAnalysis(run: run, metrics: metrics, summary: summary, tsne: tsne, similarity: similarity)
    }

    /// Whether `metrics.csv` and `summary.json` exist and are newer than the transcript and `run.json`.
    public static func isCurrent(_ run: RunDirectory) -> Bool {
        func modified(_ url: URL) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }
        guard let metrics = modified(run.metricsURL), let summary = modified(run.summaryURL) else { return false }
        let inputs = [run.transcriptURL, run.manifestURL].compactMap(modified)
        return inputs.allSatisfy { $0 <= min(metrics, summary) }
    }

    /// The saved analysis when it is current and readable; otherwise a fresh one, written to disk.
    ///
    /// Given detector settings that differ from the saved ones, only the verdicts are redone (they
    /// need the series, not the embeddings) and `summary.json` is rewritten.
    /// - Parameters:
    ///   - run: the loaded run directory.
    ///   - detectors: the settings to use; nil keeps the saved ones, or the calibrated defaults for a new analysis.
    ///   - embedder: opens the embedder, called only when the analysis must be computed.
    /// - Returns: the analysis, and whether anything was computed now.
    /// - Throws: what computing or writing throws.
    public static func prepare(
        _ run: RunDirectory, detectors: ConvergenceDetectors?, embedder: () async throws -> any Embedder
    ) async throws -> (analysis: RunAnalysis, computed: Bool) {
        guard isCurrent(run), var saved = try? read(run) else {
            let analysis = try await compute(run, detectors: detectors ?? .calibrated, embedder: try await embedder())
            try analysis.write()
            return (analysis, true)
        }
        guard let detectors, detectors != saved.summary.detectorSettings else { return (saved, false) }
        saved.summary = AnalysisSummary.build(
            runName: run.name, metrics: saved.metrics, detectors: detectors, embedder: saved.summary.embedder,
            tsne: saved.summary.tsne)
        do { try encode(saved.summary).write(to: run.summaryURL, options: .atomic) } catch let error as ConvergeError {
            throw error
        } catch {
            throw ConvergeError(.io, "cannot write \(run.summaryURL.path): \(error.localizedDescription)")
        }
        return (saved, true)
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(value) } catch {
            throw ConvergeError(.io, "cannot encode \(Value.self): \(error.localizedDescription)")
        }
    }
}
