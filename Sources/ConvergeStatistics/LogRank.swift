/// The log-rank test between k groups of right-censored times, as lifelines 0.30
/// `multivariate_logrank_test` (and `logrank_test` for k = 2) with no weighting
/// (docs/METRICS.md, "Time to loop"). Used instead of comparing onsets among converged
/// conversations only, which conditions on the outcome: every conversation counts, the ones that
/// never looped as censored at their last turn.
///
/// At each distinct event time with n at risk (n_j in group j) and d events (d_j), the observed
/// minus expected count is Z_j = Σ (d_j − n_j·d/n), with covariance
/// V_jl = Σ n_j(δ_jl·n − n_l)·d(n − d) / (n²(n − 1)) (the factor (n − d)/(n − 1) taken as 1 when
/// n = 1). The statistic Z′V⁻¹Z over the first k − 1 groups is chi-squared with k − 1 degrees of
/// freedom under the null of equal survival.
public struct LogRank: Codable, Equatable, Sendable {
    /// The chi-squared statistic.
    public var statistic: Double
    public var degreesOfFreedom: Int
    public var pValue: Double
    /// Observed events per group, in input order.
    public var observed: [Int]
    /// Expected events per group under the null, in input order.
    public var expected: [Double]

    /// Tests the groups.
    /// - Parameter groups: each group's subjects as (duration, event observed).
    /// - Returns: nil for fewer than two groups, an empty group, or a singular covariance with
    ///   events present; with no event at all the statistic is 0 and p = 1, as lifelines gives.
    public init?(_ groups: [[(duration: Double, event: Bool)]]) {
        let k = groups.count
        guard k >= 2, groups.allSatisfy({ !$0.isEmpty }) else { return nil }
        let eventTimes = Set(groups.flatMap { $0.filter(\.event).map(\.duration) }).sorted()
        var observed = [Int](repeating: 0, count: k)
        var expected = [Double](repeating: 0, count: k)
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for time in eventTimes {
            let atRisk = groups.map { group in Double(group.count { $0.duration >= time }) }
            let died = groups.map { group in group.count { $0.duration == time && $0.event } }
            let n = atRisk.reduce(0, +), d = Double(died.reduce(0, +))
            let factor = (n > 1 ? (n - d) / (n - 1) : 1) * d / (n * n)
            for j in 0..<k {
                observed[j] += died[j]
                expected[j] += atRisk[j] * d / n
                for l in 0..<k {
                    covariance[j][l] += atRisk[j] * ((j == l ? n : 0) - atRisk[l]) * factor
                }
            }
        }
        let z = (0..<(k - 1)).map { Double(observed[$0]) - expected[$0] }
        let reduced = (0..<(k - 1)).map { j in Array(covariance[j][0..<(k - 1)]) }
        if eventTimes.isEmpty {
            statistic = 0
        } else {
            guard let inverse = MatrixInverse.invert(reduced) else { return nil }
            statistic = (0..<(k - 1)).reduce(0.0) { sum, j in
                sum + z[j] * (0..<(k - 1)).reduce(0.0) { $0 + inverse[j][$1] * z[$1] }
            }
        }
        degreesOfFreedom = k - 1
        pValue = Distributions.chiSquaredSurvival(statistic, degreesOfFreedom: k - 1)
        self.observed = observed
        self.expected = expected
    }

    enum CodingKeys: String, CodingKey {
        case statistic, observed, expected
        case degreesOfFreedom = "degrees_of_freedom"
        case pValue = "p_value"
    }
}
