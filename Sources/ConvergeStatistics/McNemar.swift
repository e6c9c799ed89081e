/// McNemar's test on paired binary outcomes, exact version, as statsmodels
/// `mcnemar(table, exact=True)` (docs/METRICS.md, "Paired comparisons"). Used when two conditions
/// ran the same seeds: each seed gives one pair of converged flags.
///
/// Only the discordant pairs carry information: b (converged in the first condition only) and c
/// (in the second only). Under the null each discordant pair is equally likely to go either way, so
/// min(b, c) is binomial(b + c, ½) in its lower tail and p = min(1, 2·P(X ≤ min(b, c))). The exact
/// binomial version is used at every size: it is never anticonservative, and with at most a few
/// hundred conversations it costs nothing; the chi-squared approximation is poor for b + c < 25.
public struct McNemar: Codable, Equatable, Sendable {
    /// Pairs converged in both conditions.
    public var both: Int
    /// Pairs converged in the first condition only (b).
    public var firstOnly: Int
    /// Pairs converged in the second condition only (c).
    public var secondOnly: Int
    /// Pairs converged in neither.
    public var neither: Int
    /// min(b, c), the statistic statsmodels reports.
    public var statistic: Int
    /// The two-sided exact p-value; 1 when there is no discordant pair.
    public var pValue: Double
    /// Which version of the test: always `exact-binomial`, written so readers of the JSON need not guess.
    public var method: String

    /// Tests paired flags.
    /// - Parameters:
    ///   - first: each pair's outcome in the first condition.
    ///   - second: the same pairs' outcomes in the second condition, in the same order.
    public init(_ first: [Bool], _ second: [Bool]) {
        precondition(first.count == second.count, "\(first.count) flags paired with \(second.count)")
        let pairs = zip(first, second)
        self.init(
            both: pairs.count { $0 && $1 }, firstOnly: pairs.count { $0 && !$1 },
            secondOnly: pairs.count { !$0 && $1 }, neither: pairs.count { !$0 && !$1 })
    }

    /// Tests the paired table `[[both, firstOnly], [secondOnly, neither]]`.
    /// - Parameters:
    ///   - both: pairs positive in both.
    ///   - firstOnly: pairs positive in the first only.
    ///   - secondOnly: pairs positive in the second only.
    ///   - neither: pairs positive in neither.
    public init(both: Int, firstOnly: Int, secondOnly: Int, neither: Int) {
        self.both = both
        self.firstOnly = firstOnly
        self.secondOnly = secondOnly
        self.neither = neither
        statistic = min(firstOnly, secondOnly)
        pValue = min(1, 2 * Distributions.binomialHalfCDF(statistic, firstOnly + secondOnly))
        method = "exact-binomial"
    }

    enum CodingKeys: String, CodingKey {
        case both, neither, statistic, method
        case firstOnly = "first_only"
        case secondOnly = "second_only"
        case pValue = "p_value"
    }
}
