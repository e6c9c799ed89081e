import ConvergeDetection
import ConvergeMetrics
import ConvergeReport

extension Atlas {
    /// Excerpts shown per cluster.
    static let excerptsShown = 3

    /// The page's content: every count as text, every excerpt as the model wrote it (the report
    /// module escapes it).
    func reportInput(title: String) -> AtlasReportInput {
        let verdicts = VerdictName.allCases
        let counts = { (row: [VerdictName: Int]) in verdicts.map { String(row[$0] ?? 0) } }
        let runRows = runs.map { [$0.name, $0.modelPairs.joined(separator: "; "), String($0.conversations)] + counts($0.looping) }
        let reportClusters = clusters.enumerated().map { index, cluster in
            let rows =
                cluster.byRun.keys.sorted().map { [$0] + counts(cluster.byRun[$0]!) }
                + cluster.byModelPair.keys.sorted().map { [$0] + counts(cluster.byModelPair[$0]!) }
            let excerpts = cluster.spans.prefix(Self.excerptsShown).map { member in
                let span = spans[member]
                return (label: "\(span.run), conversation \(span.conversation), turns \(span.start)–\(span.end) (\(span.form.rawValue))", text: span.excerpt)
            }
            return AtlasReportInput.Cluster(
                name: cluster.name, form: cluster.form.rawValue, size: cluster.spans.count, sizeRows: rows, excerpts: excerpts)
        }
        let points = spans.compactMap { span in
            span.x.flatMap { x in span.y.map { AtlasReportInput.Point(x: x, y: $0, cluster: span.cluster, label: span.excerpt) } }
        }
        let summary =
            "Spans: the loop of each verdict in each conversation. Clusters: \(method.linkage), "
            + "merged below \(method.threshold). Embeddings: \(method.embedder). Map: \(method.map). Detectors: \(method.detectors)."
        return AtlasReportInput(
            title: title, method: summary, verdicts: verdicts.map(\.rawValue), runRows: runRows, clusters: reportClusters, points: points)
    }
}
