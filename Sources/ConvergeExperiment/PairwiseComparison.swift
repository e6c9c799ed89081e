public import ConvergeMetrics

/// Two conditions compared under one detector: Fisher's exact test on their convergence rates and
/// the Mann–Whitney U test on their onsets, each with its Holm-adjusted p-value
/// (docs/METRICS.md, "Comparing conditions").
public struct PairwiseComparison: Codable, Sendable, Equatable {
    public var detector: String
    public var first: String
    public var second: String
    /// first's rate minus second's.
    public var rateDifference: Double
    public var fisher: FisherExact
    /// Holm-adjusted over every rate test of this detector.
    public var fisherAdjusted: Double
    /// Nil when either condition has no converged conversation.
    public var mannWhitney: MannWhitney?
    /// Holm-adjusted over every onset test of this detector that could run.
    public var mannWhitneyAdjusted: Double?

    enum CodingKeys: String, CodingKey {
        case detector, first, second, fisher
        case rateDifference = "rate_difference"
        case fisherAdjusted = "fisher_p_holm"
        case mannWhitney = "mann_whitney"
        case mannWhitneyAdjusted = "mann_whitney_p_holm"
    }
}
