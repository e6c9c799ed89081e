/// Cosine distance between two embedding vectors (docs/METRICS.md, "Cosine distance").
public enum CosineDistance {
    /// `1 − a·b / (|a| |b|)`, accumulated in `Double`.
    ///
    /// The vectors are normalised here even though MiniLM's already are, so that vectors from
    /// another embedder are treated correctly too.
    /// - Parameters:
    ///   - a: one embedding.
    ///   - b: another embedding of the same dimension.
    /// - Returns: the distance in [0, 2]; 1 when either vector is all zeros (no direction).
    public static func distance(_ a: [Float], _ b: [Float]) -> Double {
        1 - similarity(a, b)
    }

    /// The cosine similarity, clamped to [−1, 1] against rounding.
    /// - Parameters:
    ///   - a: one embedding.
    ///   - b: another embedding of the same dimension.
    /// - Returns: the similarity; 0 when either vector is all zeros.
    public static func similarity(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count, "embedding dimensions differ: \(a.count) and \(b.count)")
        var dot = 0.0
        var normA = 0.0
        var normB = 0.0
        for index in a.indices {
            let x = Double(a[index])
            let y = Double(b[index])
            dot += x * y
            normA += x * x
            normB += y * y
        }
        guard normA > 0, normB > 0 else { return 0 }
        return min(1, max(-1, dot / (normA.squareRoot() * normB.squareRoot())))
    }
}
