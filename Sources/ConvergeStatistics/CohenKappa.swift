import ConvergeCore

/// Agreement between two raters' binary labels on the same items (docs/METRICS.md, "Agreement"):
/// raw agreement, Cohen's κ as scikit-learn 1.9 `cohen_kappa_score` computes it, PABAK, and a
/// percentile bootstrap 95% CI for κ.
///
/// - Raw agreement p_o: the share of items both label alike.
/// - κ = (p_o − p_e)/(1 − p_e), p_e = p₁q₁ + (1 − p₁)(1 − q₁) from each rater's positive rate.
///   Nil when p_e = 1 (both give every item one label), where scikit-learn returns NaN.
/// - PABAK = 2p_o − 1, κ with the prevalence and bias adjusted away (Byrt, Bishop and Carlin 1993).
///   Reported because collapse is common, and κ falls with prevalence at fixed agreement.
/// - The CI resamples items with replacement `resamples` times from a fixed seed (SplitMix64, so the
///   interval is the same on every machine), drops resamples where κ is undefined, and takes the
///   2.5th and 97.5th percentiles by numpy's default linear interpolation.
public struct CohenKappa: Codable, Equatable, Sendable {
    public var items: Int
    public var agreement: Double
    public var kappa: Double?
    public var pabak: Double
    public var ciLow: Double?
    public var ciHigh: Double?
    public var resamples: Int
    public var seed: UInt64

    /// Measures agreement.
    /// - Parameters:
    ///   - a: the first rater's labels.
    ///   - b: the second rater's labels for the same items, in the same order.
    ///   - resamples: bootstrap resamples for the CI; 0 for none.
    ///   - seed: the bootstrap's random seed.
    /// - Returns: nil for no items.
    public init?(_ a: [Bool], _ b: [Bool], resamples: Int = 2000, seed: UInt64 = 20_261_130) {
        precondition(a.count == b.count, "\(a.count) labels paired with \(b.count)")
        guard !a.isEmpty else { return nil }
        items = a.count
        agreement = Double(zip(a, b).count { $0 == $1 }) / Double(a.count)
        kappa = Self.kappa(a, b, indices: Array(a.indices))
        pabak = 2 * agreement - 1
        self.resamples = resamples
        self.seed = seed
        var stream = RandomStream(seed: seed)
        var estimates: [Double] = []
        for _ in 0..<resamples {
            let indices = a.indices.map { _ in Int(stream.nextUnit() * Double(a.count)) }
            if let value = Self.kappa(a, b, indices: indices) { estimates.append(value) }
        }
        estimates.sort()
        ciLow = Self.percentile(estimates, 0.025)
        ciHigh = Self.percentile(estimates, 0.975)
    }

    static func kappa(_ a: [Bool], _ b: [Bool], indices: [Int]) -> Double? {
        let n = Double(indices.count)
        let agree = Double(indices.count { a[$0] == b[$0] }) / n
        let p1 = Double(indices.count { a[$0] }) / n, q1 = Double(indices.count { b[$0] }) / n
        let expected = p1 * q1 + (1 - p1) * (1 - q1)
        guard expected < 1 else { return nil }
        return (agree - expected) / (1 - expected)
    }

    /// numpy's default percentile: linear interpolation between order statistics.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = Double(sorted.count - 1) * q
        let below = Int(position.rounded(.down)), above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }

    enum CodingKeys: String, CodingKey {
        case items, agreement, kappa, pabak, resamples, seed
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
    }
}
