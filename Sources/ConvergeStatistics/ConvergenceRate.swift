/// "k of n converged": the count, the fraction and its Wilson 95% interval (docs/METRICS.md,
/// "Statistics"). The one place that turns verdicts into a rate; `summary.json`, `comparison.json`
/// and the report all carry these numbers.
///
/// With no conversations nothing is known: the fraction is 0 and the interval the whole of [0, 1].
public struct ConvergenceRate: Codable, Equatable, Sendable {
    public var converged: Int
    public var total: Int
    /// converged / total.
    public var fraction: Double
    public var ciLow: Double
    public var ciHigh: Double

    /// - Parameters:
    ///   - converged: conversations that converged, 0 ≤ converged ≤ total.
    ///   - total: all conversations.
    public init(converged: Int, total: Int) {
        let interval = WilsonInterval(successes: converged, total: total)
        self.converged = converged
        self.total = total
        fraction = interval?.proportion ?? 0
        ciLow = interval?.lower ?? 0
        ciHigh = interval?.upper ?? 1
    }

    /// The keys of `summary.json` and `comparison.json`.
    enum CodingKeys: String, CodingKey {
        case converged, total, fraction
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
    }
}
