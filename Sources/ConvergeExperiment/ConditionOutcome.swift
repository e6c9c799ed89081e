public import ConvergeAnalysis
public import ConvergeStatistics

/// One condition's convergence under one detector: the rate with its Wilson 95% CI, the onsets, and
/// the Kaplan–Meier curve of time to loop.
public struct ConditionOutcome: Codable, Sendable, Equatable {
    public var condition: String
    /// `study` or `loop`.
    public var detector: String
    public var converged: Int
    public var total: Int
    public var fraction: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// Onset turns of the converged conversations, in conversation order.
    public var onsets: [Int]
    /// Their distribution; nil when none converged.
    public var onsetSummary: OnsetSummary?
    /// Time to loop over every conversation, the unconverged censored at their last turn; nil for no
    /// conversations.
    public var kaplanMeier: KaplanMeier?

    /// - Parameters:
    ///   - condition: the condition's name.
    ///   - detector: `study` or `loop`.
    ///   - conversations: the condition's conversations.
    public init(condition: String, detector: String, conversations: [ConditionInput.Conversation]) {
        self.condition = condition
        self.detector = detector
        // A conversation without this detector's verdict counts as not converged.
        let loopOnsets = conversations.map { conversation in
            conversation.verdicts[detector].flatMap { $0.converged ? $0.onset : nil }
        }
        let rate = ConvergenceRate(
            converged: conversations.count { $0.verdicts[detector]?.converged == true }, total: conversations.count)
        total = rate.total
        converged = rate.converged
        fraction = rate.fraction
        ciLow = rate.ciLow
        ciHigh = rate.ciHigh
        onsets = loopOnsets.compactMap { $0 }
        onsetSummary = OnsetSummary(onsets: onsets)
        kaplanMeier = KaplanMeier(
            onsets: loopOnsets, lastTurns: conversations.map(\.turns))
    }

    enum CodingKeys: String, CodingKey {
        case condition, detector, converged, total, fraction, onsets
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
        case onsetSummary = "onset_summary"
        case kaplanMeier = "kaplan_meier"
    }
}
