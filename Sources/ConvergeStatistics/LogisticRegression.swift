import Foundation

/// Logistic regression of a binary outcome on a design matrix by maximum likelihood, as statsmodels
/// 0.15 `Logit(y, X).fit()` (docs/METRICS.md, "Sweeps"). Used to judge a sweep by one model of the
/// verdict on the grid factors instead of many pairwise tests.
///
/// Newton's method (IRLS): with p = σ(Xβ) and W = diag(p(1 − p)), β ← β + (XᵀWX)⁻¹Xᵀ(y − p) from
/// β = 0 until no coefficient moves by more than 1e-10. Standard errors are √diag((XᵀWX)⁻¹) at the
/// estimate, z = β/SE, and p = 2·P(Z > |z|) (Wald). The likelihood-ratio test against the
/// intercept-only model has as many degrees of freedom as non-intercept columns.
///
/// Separation: when a combination of factors predicts the outcome perfectly (every conversation of a
/// cell converged, say), the estimate is infinite. Newton's steps then never settle, or XᵀWX becomes
/// singular as p reaches 0 or 1. Either way the fit reports `separation` with no coefficients, where
/// statsmodels warns and prints diverging ones.
public struct LogisticRegression: Codable, Equatable, Sendable {
    /// How the fit ended.
    public enum Status: String, Codable, Sendable {
        case fitted
        /// Perfect or quasi-perfect prediction, or all outcomes equal: no finite estimate exists.
        case separation
        /// Columns of the design are collinear (or there are fewer observations than columns).
        case singular
    }

    /// One column's estimate.
    public struct Coefficient: Codable, Equatable, Sendable {
        public var name: String
        public var estimate: Double
        public var standardError: Double
        public var z: Double
        public var pValue: Double

        enum CodingKeys: String, CodingKey {
            case name, estimate, z
            case standardError = "standard_error"
            case pValue = "p_value"
        }
    }

    public var status: Status
    /// In column order; empty unless `status` is `fitted`.
    public var coefficients: [Coefficient]
    public var observations: Int
    public var iterations: Int
    public var logLikelihood: Double?
    public var nullLogLikelihood: Double?
    /// The likelihood-ratio test of every non-intercept column at once.
    public var likelihoodRatioPValue: Double?

    static let maximumIterations = 100

    /// Fits the model.
    /// - Parameters:
    ///   - names: one name per column of `design`; the first column is the intercept.
    ///   - design: one row per observation, the first entry 1.
    ///   - outcomes: one outcome per row.
    public init(names: [String], design: [[Double]], outcomes: [Bool]) {
        precondition(design.count == outcomes.count, "\(design.count) rows for \(outcomes.count) outcomes")
        precondition(design.allSatisfy { $0.count == names.count }, "every row needs \(names.count) columns")
        let y = outcomes.map { $0 ? 1.0 : 0.0 }
        observations = outcomes.count
        coefficients = []
        iterations = 0
        status = .fitted
        guard design.count >= names.count, Self.information(design, Array(repeating: 0, count: names.count)).inverse != nil else {
            status = .singular
            return
        }
        guard Set(outcomes).count == 2 else {
            status = .separation
            return
        }
        var beta = [Double](repeating: 0, count: names.count)
        var converged = false
        while iterations < Self.maximumIterations, !converged {
            iterations += 1
            let (gradient, inverse) = Self.information(design, beta, y: y)
            guard let inverse else { break }
            let step = inverse.map { row in zip(row, gradient).reduce(0) { $0 + $1.0 * $1.1 } }
            beta = zip(beta, step).map(+)
            converged = step.allSatisfy { abs($0) <= 1e-10 }
        }
        let fitted = design.map { Self.sigmoid(Self.dot($0, beta)) }
        let perfect = zip(fitted, y).allSatisfy { abs($0 - $1) < 1e-8 }
        guard converged, !perfect, let inverse = Self.information(design, beta).inverse else {
            status = .separation
            return
        }
        coefficients = names.indices.map { j in
            let se = inverse[j][j].squareRoot()
            let z = beta[j] / se
            return Coefficient(name: names[j], estimate: beta[j], standardError: se, z: z, pValue: Distributions.twoSidedNormal(z))
        }
        let logLikelihood = zip(design, y).reduce(0.0) { sum, row in
            let eta = Self.dot(row.0, beta)
            return sum + row.1 * eta - Self.softplus(eta)
        }
        let mean = y.reduce(0, +) / Double(y.count)
        let null = Double(y.count) * (mean * log(mean) + (1 - mean) * log1p(-mean))
        self.logLikelihood = logLikelihood
        nullLogLikelihood = null
        likelihoodRatioPValue = Distributions.chiSquaredSurvival(2 * (logLikelihood - null), degreesOfFreedom: names.count - 1)
    }

    /// The score Xᵀ(y − p) (when outcomes are given) and the inverse of XᵀWX at β.
    private static func information(_ design: [[Double]], _ beta: [Double], y: [Double]? = nil) -> (gradient: [Double], inverse: [[Double]]?) {
        let k = beta.count
        var gradient = [Double](repeating: 0, count: k)
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (i, row) in design.enumerated() {
            let p = sigmoid(dot(row, beta))
            let weight = p * (1 - p)
            for a in 0..<k {
                if let y { gradient[a] += row[a] * (y[i] - p) }
                for b in 0..<k { matrix[a][b] += weight * row[a] * row[b] }
            }
        }
        return (gradient, MatrixInverse.invert(matrix))
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    private static func sigmoid(_ eta: Double) -> Double { eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta)) }
    /// log(1 + eᵗ) without overflow.
    private static func softplus(_ eta: Double) -> Double { eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta)) }

    enum CodingKeys: String, CodingKey {
        case status, coefficients, observations, iterations
        case logLikelihood = "log_likelihood"
        case nullLogLikelihood = "null_log_likelihood"
        case likelihoodRatioPValue = "lr_p_value"
    }
}
