import ConvergeDetection
import ConvergeMetrics

/// Average-linkage agglomerative clustering on cosine distance (docs/ATLAS.md, "Clusters").
///
/// It has no random start, and ties between equally close pairs go to the pair that comes first in
/// input order, so the same spans in the same order always give the same clusters.
public enum SpanClustering {
    /// Clusters whose average cosine distance is below this merge.
    public static let defaultThreshold = 0.5

    /// - Parameters:
    ///   - vectors: one unit vector per item.
    ///   - threshold: the largest average distance at which two clusters still merge.
    /// - Returns: the clusters as lists of item indices, each ascending; larger clusters first, equal
    ///   sizes in order of their first item.
    public static func cluster(_ vectors: [[Float]], threshold: Double = defaultThreshold) -> [[Int]] {
        let n = vectors.count
        var distance = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let value = CosineDistance.distance(vectors[i], vectors[j])
                distance[i][j] = value
                distance[j][i] = value
            }
        }
        var clusters = (0..<n).map { [$0] }
        while clusters.count > 1 {
            var best: (a: Int, b: Int, distance: Double)?
            for a in clusters.indices {
                for b in (a + 1)..<clusters.count {
                    let average = linkage(clusters[a], clusters[b], distance)
                    if average < (best?.distance ?? .infinity) { best = (a, b, average) }
                }
            }
            guard let best, best.distance < threshold else { break }
            clusters[best.a] = (clusters[best.a] + clusters[best.b]).sorted()
            clusters.remove(at: best.b)
        }
        return clusters.sorted { ($0.count, -$0[0]) > ($1.count, -$1[0]) }
    }

    private static func linkage(_ a: [Int], _ b: [Int], _ distance: [[Double]]) -> Double {
        var sum = 0.0
        for i in a { for j in b { sum += distance[i][j] } }
        return sum / Double(a.count * b.count)
    }
}
