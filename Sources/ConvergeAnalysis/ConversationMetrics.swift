public import ConvergeCore
public import ConvergeMetrics

/// One conversation with its per-turn metric series and the whole-text embeddings behind them.
public struct ConversationMetrics: Sendable {
    public var conversation: ConversationTranscript
    /// One row per turn (docs/METRICS.md, "Per-turn series").
    public var series: [TurnMetrics]
    /// Whole-text embeddings: index 0 is the seed, index t is turn t. Empty when the series was read
    /// back from `metrics.csv`, which holds no vectors.
    public var embeddings: [[Float]]

    /// - Parameters:
    ///   - conversation: the transcript.
    ///   - series: one row per turn.
    ///   - embeddings: the seed's and each output's embedding, or none.
    public init(conversation: ConversationTranscript, series: [TurnMetrics], embeddings: [[Float]] = []) {
        self.conversation = conversation
        self.series = series
        self.embeddings = embeddings
    }

    /// Self-BLEU over the conversation's outputs (docs/METRICS.md, "self-BLEU"); nil for fewer than two.
    public var selfBLEU: Double? { SelfBLEU.value(conversation.outputs) }

    /// Computes every conversation's series, embedding all texts and sentences of the run in one
    /// embedder call (each distinct text once: replicates share seeds, and loops repeat outputs).
    /// - Parameters:
    ///   - conversations: the conversations.
    ///   - embedder: the sentence embedder.
    /// - Returns: one entry per conversation, in order.
    /// - Throws: what the embedder throws.
    public static func compute(
        _ conversations: [ConversationTranscript], embedder: any Embedder
    ) async throws -> [ConversationMetrics] {
        let texts = conversations.map { [$0.seed] + $0.outputs }
        let embedded = try await forDistinct(texts.flatMap { $0 }) { try await TextEmbedding.embed($0, with: embedder) }
        var next = 0
        return zip(conversations, texts).map { conversation, texts in
            let embeddings = Array(embedded[next..<(next + texts.count)])
            next += texts.count
            let series = TurnSeries.compute(
                seed: conversation.seed, outputs: conversation.outputs, embeddings: embeddings)
            return ConversationMetrics(conversation: conversation, series: series, embeddings: embeddings.map(\.text))
        }
    }
}
