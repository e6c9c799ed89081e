public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics

/// One conversation's entry in `summary.json`: its identity, self-BLEU, and one `{converged, onset}`
/// object per named verdict, keyed by the verdict's name (`looping_at_end`, `dominant_loop`, …), so
/// `entry[summary.default_verdict]` is the default verdict.
public struct ConversationResult: Codable, Sendable, Equatable {
    /// The transcript's `conversation` field, a number or another tool's string id.
    public var conversation: ConversationID
    public var seedIndex: Int
    public var replicate: Int
    public var turns: Int
    /// Self-BLEU over its outputs, 0–100; nil for fewer than two outputs.
    public var selfBLEU: Double?
    /// One verdict per name.
    public var verdicts: [VerdictName: ConvergenceVerdict]
    /// Turns where a loop of the loop detector was escaped.
    public var escapeTurns: [Int]
    /// The share of turns spent inside such loops.
    public var loopShare: Double

    /// - Parameter name: a verdict.
    /// - Returns: its verdict; "not converged" when the entry lacks it.
    public subscript(name: VerdictName) -> ConvergenceVerdict { verdicts[name] ?? ConvergenceVerdict(onset: nil) }

    private enum Field: String, CodingKey {
        case conversation, replicate, turns
        case seedIndex = "seed_index"
        case selfBLEU = "self_bleu"
        case escapeTurns = "escape_turns"
        case loopShare = "loop_share"
    }

    init(
        conversation: ConversationID, seedIndex: Int, replicate: Int, turns: Int, selfBLEU: Double?,
        verdicts: ConversationVerdicts
    ) {
        self.conversation = conversation
        self.seedIndex = seedIndex
        self.replicate = replicate
        self.turns = turns
        self.selfBLEU = selfBLEU
        self.verdicts = verdicts.verdicts
        escapeTurns = verdicts.escapeTurns
        loopShare = verdicts.loopShare
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Field.self)
        conversation = try fields.decode(ConversationID.self, forKey: .conversation)
        seedIndex = try fields.decode(Int.self, forKey: .seedIndex)
        replicate = try fields.decode(Int.self, forKey: .replicate)
        turns = try fields.decode(Int.self, forKey: .turns)
        selfBLEU = try fields.decodeIfPresent(Double.self, forKey: .selfBLEU)
        escapeTurns = try fields.decode([Int].self, forKey: .escapeTurns)
        loopShare = try fields.decode(Double.self, forKey: .loopShare)
        let named = try decoder.container(keyedBy: VerdictName.self)
        verdicts = [:]
        for name in VerdictName.allCases {
            verdicts[name] = try named.decode(ConvergenceVerdict.self, forKey: name)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: Field.self)
        try fields.encode(conversation, forKey: .conversation)
        try fields.encode(seedIndex, forKey: .seedIndex)
        try fields.encode(replicate, forKey: .replicate)
        try fields.encode(turns, forKey: .turns)
        // An explicit null: a reader should see that self-BLEU is undefined, not wonder whether it was computed.
        try fields.encode(selfBLEU, forKey: .selfBLEU)
        try fields.encode(escapeTurns, forKey: .escapeTurns)
        try fields.encode(loopShare, forKey: .loopShare)
        var named = encoder.container(keyedBy: VerdictName.self)
        for (name, verdict) in verdicts { try named.encode(verdict, forKey: name) }
    }
}
