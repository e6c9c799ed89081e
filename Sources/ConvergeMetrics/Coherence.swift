public import ConvergeCore

/// Coherence of a text from its sentence embeddings (docs/METRICS.md, "Coherence").
///
/// Coherence is the mean cosine similarity of adjacent sentences: a text that keeps to its topic
/// from one sentence to the next scores high, one that jumps scores low. Adjacent pairs, not all
/// pairs, because a coherent text may drift gradually, and because a loop of one repeated sentence
/// should score 1 however long it is.
public enum Coherence {
    /// Coherence from precomputed sentence embeddings.
    ///
    /// A text of fewer than two sentences has no adjacent pair, so its coherence is undefined and
    /// this returns nil instead of inventing a value: 1 would make every short or cut-off output
    /// look perfectly coherent, and the coherence difference would then measure sentence counts.
    /// - Parameter sentenceEmbeddings: one vector per sentence of `SentenceSplitter.sentences`, in order.
    /// - Returns: a value in [−1, 1], or nil for fewer than two sentences.
    public static func value(sentenceEmbeddings: [[Float]]) -> Double? {
        guard sentenceEmbeddings.count >= 2 else { return nil }
        var sum = 0.0
        for index in 1..<sentenceEmbeddings.count {
            sum += CosineDistance.similarity(sentenceEmbeddings[index - 1], sentenceEmbeddings[index])
        }
        return sum / Double(sentenceEmbeddings.count - 1)
    }

    /// Splits a text, embeds its sentences and returns its coherence.
    /// - Parameters:
    ///   - text: the text.
    ///   - embedder: the sentence embedder, normally all-MiniLM-L6-v2.
    /// - Returns: the coherence, or nil for fewer than two sentences.
    /// - Throws: what the embedder throws.
    public static func value(of text: String, embedder: any Embedder) async throws -> Double? {
        let sentences = SentenceSplitter.sentences(text)
        guard sentences.count >= 2 else { return nil }
        return value(sentenceEmbeddings: try await embedder.embed(sentences))
    }

    /// The coherence difference `|coh(a) − coh(b)|`.
    /// - Parameters:
    ///   - a: the coherence of the later text.
    ///   - b: the coherence of the earlier text.
    /// - Returns: the absolute difference, or nil when either coherence is undefined.
    public static func difference(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return abs(a - b)
    }
}
