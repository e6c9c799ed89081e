public import ConvergeAnalysis
public import ConvergeMetrics

/// One condition's convergence under one detector: the rate with its Wilson 95% CI, and the onsets.
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

    /// - Parameters:
    ///   - condition: the condition's name.
    ///   - detector: `study` or `loop`.
    ///   - verdicts: each conversation's verdict under that detector.
    public init(condition: String, detector: String, verdicts: [Verdict]) {
        self.condition = condition
        self.detector = detector
        total = verdicts.count
        converged = verdicts.count(where: \.converged)
        let interval = WilsonInterval(successes: converged, total: total)
        fraction = interval?.proportion ?? 0
        ciLow = interval?.lower ?? 0
        ciHigh = interval?.upper ?? 0
        onsets = verdicts.compactMap(\.onset)
        onsetSummary = OnsetSummary(onsets: onsets)
    }

    enum CodingKeys: String, CodingKey {
        case condition, detector, converged, total, fraction, onsets
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
        case onsetSummary = "onset_summary"
    }
}
