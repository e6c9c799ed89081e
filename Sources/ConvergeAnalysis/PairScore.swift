public import ConvergeCore
import ConvergeMetrics

/// The scores `converge score` adds to an object with texts `a` and `b`. `b` is the hypothesis, the
/// later text, and `a` the reference, as in the per-turn series where o_t is scored against an
/// earlier text (docs/METRICS.md). Only BLEU depends on the direction.
public struct PairScore: Sendable, Equatable {
    /// sacrebleu `sentence_bleu(b, [a])`, 0–100.
    public var bleu: Double
    /// 1 − BLEU/100.
    public var bleuDistance: Double
    public var jaccardDistance: Double
    public var cosineDistance: Double

    /// Scores every pair, embedding all distinct texts in one embedder call.
    /// - Parameters:
    ///   - pairs: `(a, b)` with `a` the reference (earlier text) and `b` the hypothesis (later text).
    ///   - embedder: the sentence embedder for the cosine distance.
    /// - Returns: one score per pair, in order.
    /// - Throws: what the embedder throws.
    public static func score(_ pairs: [(a: String, b: String)], embedder: any Embedder) async throws -> [PairScore] {
        let vectors = try await forDistinct(pairs.flatMap { [$0.a, $0.b] }) { try await embedder.embed($0) }
        return pairs.enumerated().map { index, pair in
            let bleu = BLEU.sentenceScore(hypothesis: BLEUSegment(pair.b), references: [BLEUSegment(pair.a)])
            return PairScore(
                bleu: bleu.score, bleuDistance: bleu.distance,
                jaccardDistance: JaccardDistance.distance(pair.a, pair.b),
                cosineDistance: CosineDistance.distance(vectors[2 * index], vectors[2 * index + 1]))
        }
    }
}
