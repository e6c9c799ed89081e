import Foundation

/// The Wilcoxon signed-rank test on paired values, two-sided, as `scipy.stats.wilcoxon(x, y)` with
/// its defaults in scipy 1.17: `zero_method="wilcox"`, `correction=False`, `method="auto"`
/// (docs/METRICS.md, "Paired comparisons"). Used on per-conversation onsets and metrics of two
/// conditions that ran the same seeds.
///
/// The differences d = x − y that are zero are dropped ("wilcox"). The rest are ranked by |d|, ties
/// getting their mean rank, and R₊ (R₋) sums the ranks of the positive (negative) differences. The
/// reported statistic is min(R₊, R₋). The p-value follows scipy's `auto` choice, where n counts every
/// pair, zeros included:
/// - **asymptotic** when n > 50: z = (R₊ − m(m+1)/4) / σ with m the non-zero count,
///   σ² = (m(m+1)(2m+1) − Σ(t³ − t)/2)/24 over tie groups of size t, no continuity correction, and
///   p = 2·P(Z > |z|);
/// - **exact** when there are no zeros and no ties: the null distribution of R₊ over the 2ᵐ equally
///   likely sign patterns, p = min(1, 2·min(P(R₊ ≥ r), P(R₊ ≤ r)));
/// - **permutation** when there are zeros or ties and n ≤ 13: the same sign-flip distribution, now of
///   the tied ranks, enumerated in full (scipy's `permutation_test` is exact at 2ⁿ ≤ 9999), so the
///   p-value is deterministic;
/// - **asymptotic** otherwise (zeros or ties and 13 < n ≤ 50).
public struct WilcoxonSignedRank: Codable, Equatable, Sendable {
    /// Which way the p-value was computed.
    public enum Method: String, Codable, Sendable {
        case exact
        case permutation
        case asymptotic
    }

    /// min(R₊, R₋), scipy's two-sided statistic.
    public var statistic: Double
    /// R₊, the rank sum of the positive differences x − y.
    public var positiveRankSum: Double
    /// Pairs, zeros included.
    public var pairs: Int
    /// Pairs whose difference is zero, left out of the ranking.
    public var zeros: Int
    public var method: Method
    /// The normal statistic, for the asymptotic method only.
    public var z: Double?
    public var pValue: Double

    /// Tests paired samples.
    /// - Parameters:
    ///   - x: the first condition's values.
    ///   - y: the second condition's values for the same pairs, in the same order.
    /// - Returns: nil when every difference is zero, where there is nothing to rank (scipy returns
    ///   p = 1 for n ≤ 13 and NaN above).
    public init?(_ x: [Double], _ y: [Double]) {
        precondition(x.count == y.count, "\(x.count) values paired with \(y.count)")
        let differences = zip(x, y).map { $0 - $1 }
        let nonzero = differences.filter { $0 != 0 }
        guard !nonzero.isEmpty else { return nil }
        let (ranks, tieSizes) = MannWhitney.midranks(nonzero.map(abs))
        let rPlus = zip(nonzero, ranks).reduce(0.0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let m = Double(nonzero.count)
        pairs = differences.count
        zeros = differences.count - nonzero.count
        positiveRankSum = rPlus
        statistic = min(rPlus, m * (m + 1) / 2 - rPlus)
        let ties = tieSizes.contains { $0 > 1 }
        if pairs <= 50, zeros == 0, !ties {
            method = .exact
        } else if pairs <= 13 {
            method = .permutation
        } else {
            method = .asymptotic
        }
        if method == .asymptotic {
            let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let sigma = ((m * (m + 1) * (2 * m + 1) - tieTerm / 2) / 24).squareRoot()
            let z = (rPlus - m * (m + 1) / 4) / sigma
            self.z = z
            pValue = Distributions.twoSidedNormal(z)
        } else {
            z = nil
            pValue = Self.signFlipPValue(ranks: ranks, observed: rPlus)
        }
    }

    /// Integer samples, such as onset turns.
    public init?(_ x: [Int], _ y: [Int]) {
        self.init(x.map(Double.init), y.map(Double.init))
    }

    /// 2·min(P(R₊ ≥ r), P(R₊ ≤ r)) over the 2ᵐ sign patterns, each of probability 2⁻ᵐ. Mean ranks are
    /// multiples of ½, so doubled ranks are integers and the distribution is a table over 2R₊,
    /// built one rank at a time as scipy builds its exact table (halving, then shifting).
    static func signFlipPValue(ranks: [Double], observed: Double) -> Double {
        let doubled = ranks.map { Int(($0 * 2).rounded()) }
        var distribution = [1.0]
        for rank in doubled {
            var next = [Double](repeating: 0, count: distribution.count + rank)
            for (sum, probability) in distribution.enumerated() {
                next[sum] += probability * 0.5
                next[sum + rank] += probability * 0.5
            }
            distribution = next
        }
        let r = Int((observed * 2).rounded())
        let upper = distribution[r...].reduce(0, +)
        let lower = distribution[...r].reduce(0, +)
        return min(1, 2 * min(upper, lower))
    }

    enum CodingKeys: String, CodingKey {
        case statistic, pairs, zeros, method, z
        case positiveRankSum = "positive_rank_sum"
        case pValue = "p_value"
    }
}
