import ConvergeAnalysis
public import ConvergeDetection

/// One condition's outcome under one of the compared detectors: the condition's name and the
/// detector's key in `comparison.json`, around the one outcome type, `VerdictOutcome`, which holds
/// the rate with its Wilson 95% CI, the onsets and the Kaplan–Meier curve of time to loop.
@dynamicMemberLookup
public struct ConditionOutcome: Sendable, Equatable {
    public var condition: String
    /// `study` or `loop`.
    public var detector: String
    public var outcome: VerdictOutcome

    /// - Parameters:
    ///   - condition: the condition's name.
    ///   - detector: `study` or `loop`.
    ///   - conversations: the condition's conversations.
    public init(condition: String, detector: String, conversations: [ConditionInput.Conversation]) {
        self.condition = condition
        self.detector = detector
        // A conversation without this detector's verdict counts as not converged.
        let verdicts = conversations.map { conversation in
            ConvergenceVerdict(onset: conversation.verdicts[detector].flatMap { $0.converged ? $0.onset : nil })
        }
        outcome = VerdictOutcome(verdict: Comparison.verdict(detector), verdicts: verdicts, lastTurns: conversations.map(\.turns))
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<VerdictOutcome, Value>) -> Value { outcome[keyPath: keyPath] }
}

extension ConditionOutcome: Codable {
    /// The condition and detector sit beside the outcome's own keys, in one flat object.
    enum CodingKeys: String, CodingKey { case condition, detector }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        condition = try container.decode(String.self, forKey: .condition)
        detector = try container.decode(String.self, forKey: .detector)
        outcome = try VerdictOutcome(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(condition, forKey: .condition)
        try container.encode(detector, forKey: .detector)
        try outcome.encode(to: encoder)
    }
}
