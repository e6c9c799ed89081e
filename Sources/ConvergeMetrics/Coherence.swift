public import ConvergeCore

/// Coherence of a text from its sentence embeddings (docs/METRICS.md, "Coherence").
///
/// Coherence is the mean cosine similarity of adjacent sentences: a text that keeps to its topic
/// from one sentence to the next scores high, one that jumps scores low. Adjacent pairs, not all
/// pairs, because a coherent text may drift gradually, and because a loop of one repeated sentence
/// should score 1 however long it is. That last property lets repetition pass for coherence, so
/// `distinctValue` measures the same over distinct sentences only.
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

    /// Coherence that repetition cannot inflate (docs/METRICS.md, "Coherence of distinct sentences"):
    /// the coherence of the text's distinct sentences, each kept at its first occurrence.
    ///
    /// Plain coherence gives a loop of one repeated sentence exactly 1, and a repeated cycle the
    /// score of one pass through it, so a model that only repeats itself looks as coherent as it
    /// can be. Dropping exact repeats leaves what the text actually says; a text that says fewer
    /// than two different sentences has no coherence to measure.
    /// - Parameters:
    ///   - sentences: the text's sentences, `SentenceSplitter.sentences`, in order.
    ///   - sentenceEmbeddings: one vector per sentence, in the same order.
    /// - Returns: a value in [−1, 1], or nil for fewer than two distinct sentences.
    public static func distinctValue(sentences: [String], sentenceEmbeddings: [[Float]]) -> Double? {
        precondition(sentences.count == sentenceEmbeddings.count, "\(sentences.count) sentences, \(sentenceEmbeddings.count) embeddings")
        // Code points, not Swift's canonical equivalence, as every text metric here (docs/METRICS.md).
        var seen: Set<[Unicode.Scalar]> = []
        let kept = zip(sentences, sentenceEmbeddings).filter { seen.insert(Array($0.0.unicodeScalars)).inserted }
        return value(sentenceEmbeddings: kept.map(\.1))
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

    /// Splits a text, embeds its sentences and returns the coherence of its distinct sentences.
    /// - Parameters:
    ///   - text: the text.
    ///   - embedder: the sentence embedder, normally all-MiniLM-L6-v2.
    /// - Returns: the coherence of distinct sentences, or nil for fewer than two of them.
    /// - Throws: what the embedder throws.
    public static func distinctValue(of text: String, embedder: any Embedder) async throws -> Double? {
        let sentences = SentenceSplitter.sentences(text)
        return distinctValue(sentences: sentences, sentenceEmbeddings: try await embedder.embed(sentences))
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
