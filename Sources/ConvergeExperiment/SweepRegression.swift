import ConvergeAnalysis
import ConvergeDetection
public import ConvergeStatistics

/// A sweep judged by one model: the logistic regression of one detector's verdict on the grid
/// factors, every conversation an observation (docs/METRICS.md, "Sweeps").
///
/// The factors are the `run.json` configuration keys whose values differ between conditions
/// (`sampler.temperature`, `max_tokens`, `model_b`, …), except the seed list and how the run was
/// executed (`parallel`, and `context_per_sequence`, which the run sizes from the others). A
/// factor whose values are all numbers enters as a linear term on the log-odds; any other factor is
/// treatment-coded against its level in the first condition. A key that only restates an earlier one
/// in name order (the same grouping of conditions) is left out, since it would make the design
/// collinear. When the keys are still collinear (named conditions that each change several keys),
/// the condition name is the one categorical factor.
public struct SweepRegression: Codable, Sendable, Equatable {
    public var detector: String
    /// The factors, as configuration keys in name order, or `condition`.
    public var factors: [String]
    /// Keys left out because they vary exactly as an earlier factor does; their effect cannot be told
    /// apart from that factor's.
    public var confounded: [String]
    public var fit: LogisticRegression

    /// Keys that describe how a run was executed rather than what it studied.
    static let excludedKeys: Set<String> = ["seeds", "parallel", "context_per_sequence"]

    /// - Parameters:
    ///   - inputs: the conditions, with their `run.json` settings.
    ///   - detector: `study` or `loop`.
    /// - Returns: nil when no configuration key varies between conditions.
    init?(_ inputs: [ConditionInput], detector: String) {
        let (factors, confounded) = Self.factors(inputs)
        guard !factors.isEmpty else { return nil }
        var columns: [RegressionDesign.Factor] = []
        for key in factors {
            let values = inputs.map { $0.settings["configuration." + key]?.description ?? "unset" }
            let numbers = inputs.map { input -> Double? in
                if case .number(let value) = input.settings["configuration." + key] { return value }
                return nil
            }
            let counts = inputs.map(\.conversations.count)
            if numbers.allSatisfy({ $0 != nil }) {
                columns.append(.numeric(name: key, values: zip(numbers, counts).flatMap { Array(repeating: $0!, count: $1) }))
            } else {
                columns.append(.categorical(name: key, values: zip(values, counts).flatMap { Array(repeating: $0, count: $1) }))
            }
        }
        let outcomes = inputs.flatMap { $0.conversations.map { $0.verdicts[detector]?.converged == true } }
        let design = RegressionDesign(factors: columns, observations: outcomes.count)
        self.detector = detector
        self.factors = factors
        self.confounded = confounded
        fit = LogisticRegression(names: design.names, design: design.rows, outcomes: outcomes)
        if fit.status == .singular {
            // Named conditions (interventions, say) each change several keys at once, so the keys
            // are collinear; the condition itself is then the one factor.
            let names = inputs.flatMap { input in input.conversations.map { _ in input.name } }
            let byCondition = RegressionDesign(factors: [.categorical(name: "condition", values: names)], observations: outcomes.count)
            self.factors = ["condition"]
            self.confounded = []
            fit = LogisticRegression(names: byCondition.names, design: byCondition.rows, outcomes: outcomes)
        }
    }

    /// Configuration keys (without the `configuration.` prefix) whose values differ between
    /// conditions, each grouping the conditions differently from every key before it, and the
    /// varying keys left out because an earlier key groups them the same way.
    static func factors(_ inputs: [ConditionInput]) -> (factors: [String], confounded: [String]) {
        let prefix = "configuration."
        let keys = Set(inputs.flatMap { $0.settings.keys.filter { $0.hasPrefix(prefix) } }).map { String($0.dropFirst(prefix.count)) }
        var chosen: [String] = [], confounded: [String] = []
        var groupings: Set<[Int]> = []
        for key in keys.sorted() where !excludedKeys.contains(key) {
            let values = inputs.map { $0.settings[prefix + key]?.description ?? "unset" }
            guard Set(values).count > 1 else { continue }
            // Level of each condition by first appearance: equal arrays mean the same partition.
            var seen: [String] = []
            let grouping = values.map { value in
                if let index = seen.firstIndex(of: value) { return index }
                seen.append(value)
                return seen.count - 1
            }
            if groupings.insert(grouping).inserted { chosen.append(key) } else { confounded.append(key) }
        }
        return (chosen, confounded)
    }
}
