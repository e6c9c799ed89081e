public import ConvergeStatistics

/// Paired tests between two conditions that ran the same seeds and replicates, matched conversation
/// by conversation (docs/METRICS.md, "Paired comparisons").
public struct PairedTests: Codable, Sendable, Equatable {
    /// Matched conversations.
    public var pairs: Int
    /// McNemar's exact test on the converged flags.
    public var mcnemar: McNemar
    /// Holm-adjusted over every McNemar test of this detector.
    public var mcnemarAdjusted: Double
    /// Wilcoxon signed-rank on the onset turns, a conversation that never converged counting as the
    /// longest conversation's last turn + 1 (later than any onset, the same in both conditions); nil
    /// when every pair has the same onset.
    public var onsetWilcoxon: WilcoxonSignedRank?
    /// Holm-adjusted over every onset Wilcoxon test of this detector that could run.
    public var onsetWilcoxonAdjusted: Double?

    enum CodingKeys: String, CodingKey {
        case pairs, mcnemar
        case mcnemarAdjusted = "mcnemar_p_holm"
        case onsetWilcoxon = "onset_wilcoxon"
        case onsetWilcoxonAdjusted = "onset_wilcoxon_p_holm"
    }
}

/// A per-conversation metric of two paired conditions compared with the Wilcoxon signed-rank test.
public struct PairedMetricTest: Codable, Sendable, Equatable {
    /// The metric, e.g. `self_bleu`.
    public var metric: String
    public var first: String
    public var second: String
    /// Pairs where both conditions have a value.
    public var pairs: Int
    /// Nil when every difference is zero.
    public var wilcoxon: WilcoxonSignedRank?
    /// Holm-adjusted over every test of this metric.
    public var wilcoxonAdjusted: Double?

    enum CodingKeys: String, CodingKey {
        case metric, first, second, pairs, wilcoxon
        case wilcoxonAdjusted = "wilcoxon_p_holm"
    }
}
