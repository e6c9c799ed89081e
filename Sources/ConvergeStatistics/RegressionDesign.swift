/// A design matrix built from named factors, for `LogisticRegression` (docs/METRICS.md, "Sweeps"):
/// an intercept, then each factor's columns in order.
/// - A **numeric** factor is one column of its values, a linear trend on the log-odds.
/// - A **categorical** factor is treatment-coded: its first level (in order of first appearance) is
///   the reference, and every other level gets a 0/1 column named `factor=level`. Its coefficient is
///   the log odds ratio of that level against the reference, other factors held fixed.
public struct RegressionDesign: Sendable, Equatable {
    /// One factor's value for every observation.
    public enum Factor: Sendable, Equatable {
        case numeric(name: String, values: [Double])
        case categorical(name: String, values: [String])
    }

    /// Column names, `intercept` first.
    public var names: [String]
    /// One row per observation.
    public var rows: [[Double]]

    /// - Parameters:
    ///   - factors: the factors, each with one value per observation.
    ///   - observations: the number of observations.
    public init(factors: [Factor], observations: Int) {
        names = ["intercept"]
        var columns: [[Double]] = [Array(repeating: 1, count: observations)]
        for factor in factors {
            switch factor {
            case .numeric(let name, let values):
                precondition(values.count == observations, "factor \(name) has \(values.count) values for \(observations) observations")
                names.append(name)
                columns.append(values)
            case .categorical(let name, let values):
                precondition(values.count == observations, "factor \(name) has \(values.count) values for \(observations) observations")
                let levels = values.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                for level in levels.dropFirst() {
                    names.append("\(name)=\(level)")
                    columns.append(values.map { $0 == level ? 1 : 0 })
                }
            }
        }
        rows = (0..<observations).map { i in columns.map { $0[i] } }
    }
}
