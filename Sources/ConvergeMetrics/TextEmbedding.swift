public import ConvergeCore

/// The embeddings a turn's cosine and coherence metrics need: the whole text, and each sentence.
public struct TextEmbedding: Sendable, Equatable {
    /// The embedding of the whole text.
    public var text: [Float]
    /// One embedding per `SentenceSplitter.sentences(text)`, in order.
    public var sentences: [[Float]]

    /// - Parameters:
    ///   - text: the embedding of the whole text.
    ///   - sentences: one embedding per sentence.
    public init(text: [Float], sentences: [[Float]]) {
        self.text = text
        self.sentences = sentences
    }

    /// Embeds texts and their sentences with one call to the embedder, so a batching backend sees
    /// one large batch.
    /// - Parameters:
    ///   - texts: the texts.
    ///   - embedder: the embedder.
    /// - Returns: one `TextEmbedding` per text, in order.
    /// - Throws: what the embedder throws.
    public static func embed(_ texts: [String], with embedder: any Embedder) async throws -> [TextEmbedding] {
        let sentences = texts.map(SentenceSplitter.sentences)
        let vectors = try await embedder.embed(texts + sentences.flatMap { $0 })
        var next = texts.count
        return texts.indices.map { index in
            let count = sentences[index].count
            defer { next += count }
            return TextEmbedding(text: vectors[index], sentences: Array(vectors[next..<(next + count)]))
        }
    }
}
