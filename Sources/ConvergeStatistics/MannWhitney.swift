import Foundation

/// The Mann–Whitney U test, two-sided, as `scipy.stats.mannwhitneyu(x, y)` with its defaults
/// (docs/METRICS.md, "Comparing conditions"). Used to compare two conditions' onset turns.
///
/// U₁ = R₁ − n₁(n₁+1)/2, where R₁ is the sum of x's ranks in the pooled sample (ties get their mean
/// rank). The p-value uses U = max(U₁, n₁n₂ − U₁):
/// - **exact** when there are no ties and at least one sample has at most 8 values: 2·P(U' ≥ U)
///   under the null distribution of U', counted exactly;
/// - otherwise the **normal approximation** with tie correction and continuity correction:
///   z = (U − n₁n₂/2 − 0.5) / σ, σ² = n₁n₂/12 · ((n+1) − Σ(t³ − t)/(n(n−1))) over tie groups of
///   size t, and p = 2·(1 − Φ(z)).
///
/// Onsets are whole turns, so ties are the rule and most comparisons use the approximation.
/// The p-value is clipped to [0, 1].
public struct MannWhitney: Codable, Equatable, Sendable {
    /// Which way the p-value was computed.
    public enum Method: String, Codable, Sendable {
        case exact
        case asymptotic
    }

    /// U₁, the statistic of the first sample (scipy's reported statistic).
    public var u: Double
    /// U₁ / (n₁n₂): the probability that a value from x exceeds one from y, ties counting half.
    public var commonLanguageEffect: Double
    public var method: Method
    public var pValue: Double

    /// Tests two samples.
    /// - Parameters:
    ///   - x: the first sample.
    ///   - y: the second sample.
    /// - Returns: nil when either sample is empty.
    public init?(_ x: [Double], _ y: [Double]) {
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let n1 = x.count, n2 = y.count
        let (ranks, tieSizes) = Self.midranks(x + y)
        let r1 = ranks[0..<n1].reduce(0, +)
        let u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let product = Double(n1 * n2)
        let u = max(u1, product - u1)
        let ties = tieSizes.contains { $0 > 1 }
        self.u = u1
        commonLanguageEffect = u1 / product
        if (n1 > 8 && n2 > 8) || ties {
            method = .asymptotic
            let n = Double(n1 + n2)
            let tieTerm = tieSizes.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
            let sigma = (product / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            let z = (u - product / 2 - 0.5) / sigma
            // σ = 0 (every value tied) gives z = −∞ and p = 1, as in scipy.
            pValue = min(1, max(0, 2 * 0.5 * erfc(z / 2.0.squareRoot())))
        } else {
            method = .exact
            pValue = min(1, max(0, 2 * Self.exactUpperTail(Int(u), n1, n2)))
        }
    }

    /// Integer samples, such as onset turns.
    public init?(_ x: [Int], _ y: [Int]) {
        self.init(x.map(Double.init), y.map(Double.init))
    }

    /// Mean ranks (1-based) of the pooled values, and the size of every group of equal values.
    static func midranks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            tieSizes.append(end - start)
            start = end
        }
        return (ranks, tieSizes)
    }

    /// P(U ≥ u) under the null, without ties: the share of the C(n₁+n₂, n₁) arrangements whose U is
    /// at least u. Counts come from f(m, n, k) = f(m−1, n, k−n) + f(m, n−1, k).
    static func exactUpperTail(_ u: Int, _ n1: Int, _ n2: Int) -> Double {
        // counts[n][k] holds f(m, n, k) for the current m, n = 0...n2.
        var counts = (0...n2).map { _ in [1.0] }
        if n1 > 0 {
            for m in 1...n1 {
                var next = [[1.0]]
                for n in 1...max(n2, 1) where n <= n2 {
                    var row = [Double](repeating: 0, count: m * n + 1)
                    for k in row.indices {
                        if k >= n, k - n < counts[n].count { row[k] += counts[n][k - n] }
                        if k < next[n - 1].count { row[k] += next[n - 1][k] }
                    }
                    next.append(row)
                }
                counts = next
            }
        }
        let distribution = counts[n2]
        let total = distribution.reduce(0, +)
        let tail = distribution[min(max(u, 0), distribution.count)...].reduce(0, +)
        return tail / total
    }

    enum CodingKeys: String, CodingKey {
        case u, method
        case commonLanguageEffect = "common_language_effect"
        case pValue = "p_value"
    }
}
