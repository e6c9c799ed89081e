public import ConvergeAnalysis
import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics
import ConvergeTSNE

extension Atlas {
    /// Builds the atlas of analysed runs.
    /// - Parameters:
    ///   - runs: each run's name and its conversations with their series and embeddings, in the
    ///     order the atlas lists them.
    ///   - detectors: the detector settings behind the verdicts.
    ///   - embedder: the embedder's name, for the record.
    ///   - threshold: the clustering threshold (average cosine distance).
    /// - Returns: the atlas.
    /// - Throws: `ConvergeError` (code `.backend`) when t-SNE rejects the vectors.
    public static func build(
        runs: [(name: String, metrics: [ConversationMetrics])], detectors: ConvergenceDetectors, embedder: String,
        threshold: Double = SpanClustering.defaultThreshold
    ) throws -> Atlas {
        var candidates: [SpanCandidate] = []
        var runRecords: [Run] = []
        for run in runs {
            let found = run.metrics.flatMap { SpanExtraction.candidates($0, run: run.name, detectors: detectors) }
            candidates += found
            var looping: [VerdictName: Int] = [:]
            for name in VerdictName.allCases { looping[name] = found.count { $0.span.verdicts.contains(name) } }
            let pairs = Set(run.metrics.map { SpanExtraction.modelPair($0.conversation) }).sorted()
            runRecords.append(Run(name: run.name, modelPairs: pairs, conversations: run.metrics.count, looping: looping))
        }
        let groups = SpanClustering.cluster(candidates.map(\.embedding), threshold: threshold)
        let names = ClusterNaming.ngrams(groups, texts: candidates.map(\.texts))
        var spans = candidates.map(\.span)
        var clusters: [Cluster] = []
        for (index, members) in groups.enumerated() {
            for member in members { spans[member].cluster = index }
            clusters.append(cluster(members, ngrams: names[index], index: index, spans: spans, candidates: candidates))
        }
        let map = try Self.map(candidates.map(\.embedding))
        if let map {
            for index in spans.indices {
                spans[index].x = map.coordinates[index][0]
                spans[index].y = map.coordinates[index][1]
            }
        }
        let method = Method(
            embedder: embedder, linkage: "average linkage on cosine distance of span embeddings (mean of turn embeddings)",
            threshold: threshold, detectors: detectors.provenance,
            map: map == nil ? "none: too few spans" : "t-SNE, paper settings (docs/METRICS.md)")
        return Atlas(clusters: clusters, spans: spans, runs: runRecords, method: method, klDivergence: map?.klDivergence)
    }

    private static func cluster(
        _ members: [Int], ngrams: [String], index: Int, spans: [LoopSpan], candidates: [SpanCandidate]
    ) -> Cluster {
        var forms: [LoopForm: Int] = [:]
        var byRun: [String: [VerdictName: Int]] = [:]
        var byPair: [String: [VerdictName: Int]] = [:]
        for member in members {
            let span = spans[member]
            forms[span.form, default: 0] += 1
            for verdict in span.verdicts {
                byRun[span.run, default: [:]][verdict, default: 0] += 1
                byPair[span.modelPair, default: [:]][verdict, default: 0] += 1
            }
        }
        let form = forms.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        let centre = SpanExtraction.meanEmbedding(members.map { candidates[$0].embedding }, 0...(members.count - 1))
        let typical = members.sorted { a, b in
            let (da, db) = (CosineDistance.distance(candidates[a].embedding, centre), CosineDistance.distance(candidates[b].embedding, centre))
            return da != db ? da < db : a < b
        }
        let name = ngrams.isEmpty ? "cluster \(index + 1)" : ngrams.joined(separator: " · ")
        return Cluster(name: name, form: form, ngrams: ngrams, forms: forms, byRun: byRun, byModelPair: byPair, spans: typical)
    }

    private static func map(_ vectors: [[Float]]) throws -> TSNEResult? {
        do {
            return try tsne(vectors, configuration: .paper)
        } catch  where error.code == .tooFewPoints {
            return nil
        } catch {
            throw ConvergeError(.backend, "t-SNE of the loop spans failed: \(error.message)")
        }
    }
}
