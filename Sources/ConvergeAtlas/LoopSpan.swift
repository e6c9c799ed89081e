public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics

/// One looping stretch of one conversation: turns `start` through `end`, and every verdict under
/// which that stretch is the conversation's loop (docs/ATLAS.md, "Spans").
public struct LoopSpan: Codable, Sendable, Equatable {
    /// The run, named by its directory (`experiment/condition` for a condition of an experiment).
    public var run: String
    /// The models of agents A and B, joined by ` + `.
    public var modelPair: String
    /// The transcript's `conversation` value.
    public var conversation: ConversationID
    public var start: Int
    public var end: Int
    /// The verdicts whose loop is this span, in `VerdictName` order.
    public var verdicts: [VerdictName]
    public var form: LoopForm
    /// Index into the atlas's `clusters`.
    public var cluster: Int
    /// The span's place on the 2-D map; nil when there were too few spans for t-SNE.
    public var x: Double?
    public var y: Double?
    /// The first turn of the span, up to 300 characters.
    public var excerpt: String

    enum CodingKeys: String, CodingKey {
        case run, conversation, start, end, verdicts, form, cluster, x, y, excerpt
        case modelPair = "model_pair"
    }
}

/// A span before clustering: its texts and its embedding travel with it.
struct SpanCandidate: Sendable {
    var span: LoopSpan
    var texts: [String]
    /// The L2-normalised mean of its turns' MiniLM embeddings.
    var embedding: [Float]
}
