/// The Wilson score interval for a binomial proportion, such as converged conversations out of
/// all (docs/METRICS.md, "Statistics"). Unlike the normal (Wald) interval it stays inside [0, 1]
/// and behaves at 0 and n successes, which matter here because collapse is common.
public struct WilsonInterval: Codable, Equatable, Sendable {
    /// z for a two-sided 95% interval, the normal quantile at 0.975.
    public static let z95 = 1.959963984540054

    /// x, the count of successes.
    public var successes: Int
    /// n, the number of trials.
    public var total: Int
    /// successes / total.
    public var proportion: Double
    /// The lower bound, at least 0.
    public var lower: Double
    /// The upper bound, at most 1.
    public var upper: Double

    /// The interval `(p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`.
    /// - Parameters:
    ///   - successes: the count of successes, 0 ≤ successes ≤ total.
    ///   - total: the number of trials.
    ///   - z: the normal quantile; the default gives 95%.
    /// - Returns: nil when `total` is 0, where no proportion exists.
    public init?(successes: Int, total: Int, z: Double = z95) {
        precondition(successes >= 0 && successes <= total, "successes \(successes) outside 0...\(total)")
        guard total > 0 else { return nil }
        let n = Double(total)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.successes = successes
        self.total = total
        proportion = p
        lower = max(0, center - half)
        upper = min(1, center + half)
    }
}
