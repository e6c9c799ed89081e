import Foundation

/// Fisher's exact test on a 2×2 table, two-sided, as `scipy.stats.fisher_exact`
/// (docs/METRICS.md, "Comparing conditions"). Used to compare two conditions' convergence rates:
/// row i holds condition i's converged and not-converged counts.
///
/// With the margins fixed, the top-left cell follows a hypergeometric distribution. The two-sided
/// p-value is the total probability of every table no more likely than the observed one; a table
/// counts as "no more likely" when its probability is at most the observed one × (1 + 1e-7), the
/// relative tolerance R uses, so that tables of equal probability are not split by rounding.
public struct FisherExact: Codable, Equatable, Sendable {
    /// The table `[[a, b], [c, d]]`.
    public var table: [[Int]]
    /// The sample odds ratio (a·d)/(b·c); nil when it is 0/0, +∞ written as nil too (JSON has no ∞),
    /// with `oddsRatioInfinite` set.
    public var oddsRatio: Double?
    /// Whether b·c = 0 < a·d, where the odds ratio is +∞.
    public var oddsRatioInfinite: Bool
    /// The two-sided p-value, in [0, 1].
    public var pValue: Double

    /// Tests the table `[[a, b], [c, d]]`.
    /// - Parameters:
    ///   - a: row 1, column 1 (condition 1 converged).
    ///   - b: row 1, column 2 (condition 1 not converged).
    ///   - c: row 2, column 1.
    ///   - d: row 2, column 2.
    public init(_ a: Int, _ b: Int, _ c: Int, _ d: Int) {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "table cells must not be negative")
        table = [[a, b], [c, d]]
        let numerator = Double(a) * Double(d)
        let denominator = Double(b) * Double(c)
        oddsRatioInfinite = denominator == 0 && numerator > 0
        oddsRatio = denominator > 0 ? numerator / denominator : nil
        pValue = Self.twoSided(a, b, c, d)
    }

    /// Tests two rates: `successes1` of `total1` against `successes2` of `total2`.
    public init(successes1: Int, total1: Int, successes2: Int, total2: Int) {
        precondition(successes1 <= total1 && successes2 <= total2, "successes exceed totals")
        self.init(successes1, total1 - successes1, successes2, total2 - successes2)
    }

    static func twoSided(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        let row1 = a + b, column1 = a + c, n = a + b + c + d
        guard row1 > 0, row1 < n, column1 > 0, column1 < n else { return 1 }
        let low = max(0, column1 - (n - row1)), high = min(row1, column1)
        let logNormaliser = logChoose(n, column1)
        func logProbability(_ x: Int) -> Double {
            logChoose(row1, x) + logChoose(n - row1, column1 - x) - logNormaliser
        }
        let observed = logProbability(a)
        let limit = observed + log1p(1e-7)
        var total = 0.0
        for x in low...high {
            let value = logProbability(x)
            if value <= limit { total += exp(value) }
        }
        return min(1, total)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }

    enum CodingKeys: String, CodingKey {
        case table
        case oddsRatio = "odds_ratio"
        case oddsRatioInfinite = "odds_ratio_infinite"
        case pValue = "p_value"
    }
}
