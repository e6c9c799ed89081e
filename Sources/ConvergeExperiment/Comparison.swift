public import ConvergeAnalysis
import ConvergeMetrics

/// `converge compare`: every condition's convergence and the pairwise tests between them, for both
/// detectors. Each detector's rate tests form one Holm family and its onset tests another.
public struct Comparison: Codable, Sendable, Equatable {
    /// The experiment directory's name.
    public var experiment: String
    /// Conditions in experiment order, each under `study` then `loop`.
    public var conditions: [ConditionOutcome]
    public var pairs: [PairwiseComparison]
    /// How the tests were run, for readers of the JSON.
    public var method: String

    static let methodNote = "Fisher's exact test (two-sided) on converged/not-converged counts; Mann-Whitney U (two-sided; exact without ties when a sample has at most 8 values, else normal approximation with tie and continuity correction) on onset turns; Holm correction per detector and test; as scipy 1.14 and statsmodels"

    /// Compares conditions.
    /// - Parameters:
    ///   - experiment: the experiment's name.
    ///   - summaries: each condition's name and `summary.json`, in order.
    ///   - control: when set, each other condition is compared with this one only; otherwise every pair.
    /// - Returns: the comparison.
    public init(experiment: String, summaries: [(name: String, summary: AnalysisSummary)], control: String? = nil) {
        self.init(
            experiment: experiment,
            verdicts: summaries.map { ($0.name, $0.summary.conversations.map(\.study), $0.summary.conversations.map(\.loop)) },
            control: control)
    }

    /// Compares conditions given each conversation's verdicts.
    /// - Parameters:
    ///   - experiment: the experiment's name.
    ///   - verdicts: each condition's name and its conversations' verdicts under both detectors, in order.
    ///   - control: when set, each other condition is compared with this one only; otherwise every pair.
    public init(experiment: String, verdicts: [(name: String, study: [Verdict], loop: [Verdict])], control: String? = nil) {
        self.experiment = experiment
        method = Self.methodNote
        conditions = []
        pairs = []
        for detector in ["study", "loop"] {
            let outcomes = verdicts.map { condition in
                ConditionOutcome(condition: condition.name, detector: detector, verdicts: detector == "study" ? condition.study : condition.loop)
            }
            conditions += outcomes
            pairs += Self.pairs(outcomes, detector: detector, control: control)
        }
    }

    private static func pairs(_ outcomes: [ConditionOutcome], detector: String, control: String?) -> [PairwiseComparison] {
        var selected: [(ConditionOutcome, ConditionOutcome)] = []
        for i in outcomes.indices {
            for j in outcomes.indices where j > i {
                if let control, outcomes[i].condition != control, outcomes[j].condition != control { continue }
                let swap = control != nil && outcomes[j].condition == control
                selected.append(swap ? (outcomes[j], outcomes[i]) : (outcomes[i], outcomes[j]))
            }
        }
        let fisher = selected.map { FisherExact(successes1: $0.converged, total1: $0.total, successes2: $1.converged, total2: $1.total) }
        let mannWhitney = selected.map { MannWhitney($0.onsets, $1.onsets) }
        let fisherAdjusted = Holm.adjust(fisher.map(\.pValue))
        let mannWhitneyAdjusted = Holm.adjust(mannWhitney.map { $0?.pValue })
        return selected.indices.map { k in
            let (a, b) = selected[k]
            return PairwiseComparison(
                detector: detector, first: a.condition, second: b.condition, rateDifference: a.fraction - b.fraction,
                fisher: fisher[k], fisherAdjusted: fisherAdjusted[k] ?? 1, mannWhitney: mannWhitney[k],
                mannWhitneyAdjusted: mannWhitneyAdjusted[k])
        }
    }
}
