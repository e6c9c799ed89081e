import Foundation

/// The reference distributions the tests need, as `scipy.stats` evaluates them
/// (docs/METRICS.md, "Distributions").
public enum Distributions {
    /// P(Z > z) for a standard normal Z, computed with `erfc` so small tails keep their precision.
    /// - Parameter z: the value.
    /// - Returns: the upper tail probability.
    public static func normalSurvival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// The two-sided normal p-value 2·P(Z > |z|), as statsmodels and scipy report for a z statistic.
    /// - Parameter z: the statistic.
    /// - Returns: the p-value in [0, 1].
    public static func twoSidedNormal(_ z: Double) -> Double { min(1, erfc(abs(z) / 2.0.squareRoot())) }

    /// P(X > x) for X chi-squared with `degreesOfFreedom`, as `scipy.stats.chi2.sf`.
    /// - Parameters:
    ///   - x: the statistic, at least 0.
    ///   - degreesOfFreedom: at least 1.
    /// - Returns: the upper tail probability.
    public static func chiSquaredSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        SpecialFunctions.upperGamma(Double(degreesOfFreedom) / 2, max(0, x) / 2)
    }

    /// P(T ≤ t) for Student's t with ν degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½) in the lower tail.
    /// - Parameters:
    ///   - t: the value.
    ///   - degreesOfFreedom: ν > 0.
    /// - Returns: the cumulative probability.
    public static func studentTCDF(_ t: Double, degreesOfFreedom: Double) -> Double {
        let nu = degreesOfFreedom
        let tail = 0.5 * SpecialFunctions.incompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t < 0 ? tail : 1 - tail
    }

    /// The p-quantile of Student's t with ν degrees of freedom, as `scipy.stats.t.ppf`, by
    /// bisection on the upper tail to the last bit, after doubling brackets the root.
    /// - Parameters:
    ///   - p: the probability, strictly between 0 and 1.
    ///   - degreesOfFreedom: ν > 0.
    /// - Returns: t with P(T ≤ t) = p.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p > 0 && p < 1, "probability \(p) outside (0, 1)")
        if p == 0.5 { return 0 }
        // The distribution is symmetric: solve in the upper tail, where the bracket below is valid.
        if p < 0.5 { return -studentTQuantile(1 - p, degreesOfFreedom: degreesOfFreedom) }
        let nu = degreesOfFreedom
        // Work with the upper tail q = 1 − p, which keeps its precision far out.
        let q = 1 - p
        func upper(_ t: Double) -> Double { 0.5 * SpecialFunctions.incompleteBeta(nu / (nu + t * t), nu / 2, 0.5) }
        var low = 0.0, high = 1.0
        while upper(high) > q { low = high; high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if upper(middle) > q { low = middle } else { high = middle }
            if high - low <= 4 * Double.ulpOfOne * high { break }
        }
        return (low + high) / 2
    }

    /// P(X ≤ k) for X binomial(n, ½), summed exactly in the lower tail.
    /// - Parameters:
    ///   - k: the count.
    ///   - n: the number of trials.
    /// - Returns: the cumulative probability.
    static func binomialHalfCDF(_ k: Int, _ n: Int) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        let logHalfN = Double(n) * log(0.5)
        var total = 0.0
        for i in 0...k { total += exp(FisherExact.logChoose(n, i) + logHalfN) }
        return min(1, total)
    }
}
