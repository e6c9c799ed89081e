public import ConvergeCore

/// Builds the per-turn metric series of a conversation one turn at a time, for live use
/// (docs/METRICS.md, "Per-turn series").
///
/// Each text is tokenized once and reused in every pair it takes part in.
public struct TurnSeries: Sendable {
    /// The rows so far, one per appended output.
    public private(set) var rows: [TurnMetrics] = []
    private let seed: AnalyzedText
    /// The two latest outputs, the newest last: what the `prev` and `self` pairs need.
    private var recent: [AnalyzedText] = []

    /// Starts a conversation.
    /// - Parameters:
    ///   - seed: the seed text.
    ///   - embedding: the seed's embeddings; without them, cosine and coherence columns stay empty.
    public init(seed: String, embedding: TextEmbedding? = nil) {
        self.seed = AnalyzedText(seed, embedding: embedding)
    }

    /// Adds the next output and computes its row.
    /// - Parameters:
    ///   - output: the text of the next turn.
    ///   - embedding: its embeddings, if the caller embeds.
    /// - Returns: the new row.
    @discardableResult
    public mutating func append(_ output: String, embedding: TextEmbedding? = nil) -> TurnMetrics {
        let current = AnalyzedText(output, embedding: embedding)
        let previous = recent.last ?? seed
        let ownPrevious = recent.count == 2 ? recent[0] : nil
        var row = TurnMetrics(turn: rows.count + 1)
        for (pair, earlier) in [(TurnPair.previous, previous), (.ownPrevious, ownPrevious), (.seed, seed)] {
            guard let earlier else { continue }
            let columns = TurnMetric.pairColumns(pair)
            let bleu = BLEU.sentenceScore(hypothesis: current.segment, references: [earlier.segment]).score
            row[columns[0]] = bleu
            row[columns[1]] = BLEUScore.distance(fromScore: bleu)
            row[columns[2]] = JaccardDistance.distance(current.words, earlier.words)
            if let a = current.embedding, let b = earlier.embedding {
                row[columns[3]] = CosineDistance.distance(a.text, b.text)
            }
        }
        row[.coherence] = current.coherence
        row[.coherenceDifference] = Coherence.difference(current.coherence, previous.coherence)
        row[.coherenceDistinct] = current.coherenceDistinct
        row[.distinct1] = DistinctN.value(output, n: 1)
        row[.distinct2] = DistinctN.value(output, n: 2)
        row[.rep4] = RepN.value(output, n: 4)
        row[.compressionRatio] = CompressionRatio.value(output)
        let window = previous.text + "\n" + output
        row[.rep4Window] = RepN.value(window, n: 4)
        row[.compressionRatioWindow] = CompressionRatio.value(window)
        // The seed stands in for missing outputs, as o_0 does for the window.
        row[.recurrence4] = Recurrence.value(output, after: ([seed] + recent).suffix(2).map(\.text))
        rows.append(row)
        recent = Array((recent + [current]).suffix(2))
        return row
    }

    /// The whole series of a finished conversation.
    /// - Parameters:
    ///   - seed: the seed text.
    ///   - outputs: the outputs in turn order.
    ///   - embeddings: the seed's embeddings followed by one per output, or nil to leave cosine
    ///     and coherence empty.
    /// - Returns: one row per output.
    public static func compute(seed: String, outputs: [String], embeddings: [TextEmbedding]? = nil) -> [TurnMetrics] {
        precondition(
            embeddings.map { $0.count == outputs.count + 1 } ?? true,
            "need one embedding for the seed and one per output")
        var series = TurnSeries(seed: seed, embedding: embeddings?[0])
        for (index, output) in outputs.enumerated() {
            series.append(output, embedding: embeddings?[index + 1])
        }
        return series.rows
    }

    /// The whole series, embedding every text and sentence with one embedder call.
    /// - Parameters:
    ///   - seed: the seed text.
    ///   - outputs: the outputs in turn order.
    ///   - embedder: the sentence embedder.
    /// - Returns: one row per output.
    /// - Throws: what the embedder throws.
    public static func compute(seed: String, outputs: [String], embedder: any Embedder) async throws -> [TurnMetrics] {
        let embeddings = try await TextEmbedding.embed([seed] + outputs, with: embedder)
        return compute(seed: seed, outputs: outputs, embeddings: embeddings)
    }
}

/// A text prepared once for every pair it appears in.
private struct AnalyzedText: Sendable {
    let text: String
    let segment: BLEUSegment
    let words: Set<[Unicode.Scalar]>
    let embedding: TextEmbedding?
    let coherence: Double?
    let coherenceDistinct: Double?

    init(_ text: String, embedding: TextEmbedding?) {
        self.text = text
        segment = BLEUSegment(text)
        words = JaccardDistance.wordSet(text)
        self.embedding = embedding
        coherence = embedding.flatMap { Coherence.value(sentenceEmbeddings: $0.sentences) }
        coherenceDistinct = embedding.flatMap {
            Coherence.distinctValue(sentences: SentenceSplitter.sentences(text), sentenceEmbeddings: $0.sentences)
        }
    }
}
