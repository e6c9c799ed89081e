public import ConvergeStatistics

/// Two conditions compared under one detector (docs/METRICS.md, "Comparing conditions"), each test
/// with its Holm-adjusted p-value:
/// - Fisher's exact test on their convergence rates (unpaired);
/// - the log-rank test on time to loop, every conversation counting, the unconverged censored at
///   their last turn;
/// - Mann–Whitney U on the onsets of converged conversations only, kept for continuity and labelled
///   as conditioning on the outcome;
/// - when the conditions share seeds, the paired tests.
public struct PairwiseComparison: Codable, Sendable, Equatable {
    public var detector: String
    public var first: String
    public var second: String
    /// first's rate minus second's.
    public var rateDifference: Double
    public var fisher: FisherExact
    /// Holm-adjusted over every rate test of this detector.
    public var fisherAdjusted: Double
    /// Nil when either condition has no conversation.
    public var logRank: LogRank?
    /// Holm-adjusted over every log-rank test of this detector that could run.
    public var logRankAdjusted: Double?
    /// Nil when either condition has no converged conversation.
    public var mannWhitney: MannWhitney?
    /// Holm-adjusted over every onset test of this detector that could run.
    public var mannWhitneyAdjusted: Double?
    /// Why the pair is, or is not, compared conversation by conversation.
    public var pairing: String
    /// The paired tests; nil when the conditions do not share seeds.
    public var paired: PairedTests?

    enum CodingKeys: String, CodingKey {
        case detector, first, second, fisher, pairing, paired
        case rateDifference = "rate_difference"
        case fisherAdjusted = "fisher_p_holm"
        case logRank = "log_rank"
        case logRankAdjusted = "log_rank_p_holm"
        case mannWhitney = "mann_whitney_converged_only"
        case mannWhitneyAdjusted = "mann_whitney_converged_only_p_holm"
    }
}
