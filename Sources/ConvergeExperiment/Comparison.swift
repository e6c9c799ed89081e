public import ConvergeAnalysis
public import ConvergeDetection
import ConvergeMetrics
import ConvergeStatistics
import ConvergeStore
import Foundation

/// `converge compare`: every condition's convergence and the tests between them, for both detectors
/// (docs/METRICS.md, "Comparing conditions"). Each detector's tests of one kind form one Holm family.
public struct Comparison: Codable, Sendable, Equatable {
    /// The experiment directory's name.
    public var experiment: String
    /// Conditions in experiment order, each under `study` then `loop`.
    public var conditions: [ConditionOutcome]
    public var pairs: [PairwiseComparison]
    /// Which design the tests used and why, e.g. "paired: conditions share 10 seeds × 1 replicate".
    public var design: String
    /// Wilcoxon signed-rank tests of per-conversation metrics between paired conditions.
    public var metricTests: [PairedMetricTest]
    /// Per detector, the logistic regression of the verdict on the grid factors; empty unless the
    /// experiment is a sweep of at least three conditions.
    public var regressions: [SweepRegression]
    /// Each branch condition's escape share next to its parent's (docs/ATLAS.md, "Persistence");
    /// empty without branch conditions. Branch conditions hold only looping conversations, so they
    /// take no part in the pairwise tests or the regression.
    public var persistence: [PersistenceOutcome]
    /// Conditions generated with different arithmetic, or batch-dependent at different widths, one line each.
    public var warnings: [String]
    /// How the tests were run, for readers of the JSON.
    public var method: String

    static let detectors = ["study", "loop"]

    /// The verdict behind each compared detector, as `ConditionInput` reads them from `summary.json`.
    static func verdict(_ detector: String) -> VerdictName { detector == "study" ? .studyRule : .defaultVerdict }

    static let methodNote = """
        Rates: Fisher's exact test (two-sided, as scipy). Time to loop: log-rank test (lifelines), every conversation counted, \
        those that never converged censored at their last turn; Kaplan-Meier curves with exponential Greenwood 95% CIs. \
        Mann-Whitney U on onsets of converged conversations only is kept for continuity; it conditions on the outcome. \
        Paired, when conditions share seeds: McNemar's exact binomial test on converged flags (statsmodels exact=True), \
        Wilcoxon signed-rank (scipy defaults: zero_method wilcox, method auto) on onsets (never converged = after the last turn) \
        and self-BLEU. Sweeps: logistic regression of the verdict on the grid factors, or on the condition when they are collinear (statsmodels Logit, Wald z). \
        Holm correction per detector and test. Branch conditions: the share of branches no longer looping K turns after \
        the branch turn (loop detector, looping at the end of the turns so far), 95% CI by a cluster bootstrap over the \
        branched conversations (2000 resamples, percentiles), next to the same share of those conversations left alone (Wilson CI)
        """

    /// Compares conditions from their analyses alone; conversations pair by seed and replicate.
    /// - Parameters:
    ///   - experiment: the experiment's name.
    ///   - summaries: each condition's name and `summary.json`, in order.
    ///   - control: when set, each other condition is compared with this one only; otherwise every pair.
    public init(experiment: String, summaries: [(name: String, summary: AnalysisSummary)], control: String? = nil) {
        self.init(experiment: experiment, inputs: summaries.map { ConditionInput(name: $0.name, summary: $0.summary, manifestText: nil) }, control: control)
    }

    /// Compares conditions given only each conversation's verdicts, in conversation order; with no
    /// seed identities nothing is paired.
    /// - Parameters:
    ///   - experiment: the experiment's name.
    ///   - verdicts: each condition's name and its conversations' verdicts under both detectors, in order.
    ///   - control: when set, each other condition is compared with this one only; otherwise every pair.
    ///   - turns: every conversation's last turn, where the unconverged are censored.
    public init(
        experiment: String, verdicts: [(name: String, study: [ConvergenceVerdict], loop: [ConvergenceVerdict])], control: String? = nil, turns: Int = 25
    ) {
        let inputs = verdicts.map { condition in
            ConditionInput(
                name: condition.name,
                conversations: zip(condition.study, condition.loop).map {
                    ConditionInput.Conversation(seedIndex: nil, replicate: nil, turns: turns, selfBLEU: nil, verdicts: ["study": $0, "loop": $1])
                })
        }
        self.init(experiment: experiment, inputs: inputs, control: control)
    }

    /// Compares conditions.
    /// - Parameters:
    ///   - experiment: the experiment's name.
    ///   - inputs: each condition, in experiment order.
    ///   - control: when set, each other condition is compared with this one only; otherwise every pair.
    ///   - escapeWithin: K of the branch conditions' escape share.
    public init(experiment: String, inputs: [ConditionInput], control: String? = nil, escapeWithin: Int = 5) {
        self.experiment = experiment
        method = Self.methodNote
        let unbranched = inputs.filter { $0.branch == nil }
        persistence = inputs.compactMap { input in
            let parentName = input.branch.map { URL(fileURLWithPath: $0.parent).lastPathComponent }
            return PersistenceOutcome(input, parent: inputs.first { $0.name == parentName && $0.branch == nil }, within: escapeWithin)
        }
        let selected = Self.selectPairs(unbranched, control: control)
        let matches = selected.map { Self.match($0, $1) }
        design = Self.describeDesign(selected, matches)
        if !persistence.isEmpty {
            let names = persistence.map(\.condition).joined(separator: ", ")
            design += "; branch conditions (\(names)) hold only looping conversations and are compared by their escape share instead"
        }
        conditions = []
        pairs = []
        for detector in Self.detectors {
            let outcomes = inputs.map { ConditionOutcome(condition: $0.name, detector: detector, conversations: $0.conversations) }
            conditions += outcomes
            pairs += Self.pairs(selected, matches, outcomes: outcomes, inputs: inputs, detector: detector)
        }
        metricTests = Self.selfBLEUTests(selected, matches)
        regressions = unbranched.count >= 3 ? Self.detectors.compactMap { SweepRegression(unbranched, detector: $0) } : []
        warnings = Self.generationWarnings(inputs)
    }

    /// The pairs of conditions to test: every pair, or each condition against the control (first).
    private static func selectPairs(_ inputs: [ConditionInput], control: String?) -> [(ConditionInput, ConditionInput)] {
        var selected: [(ConditionInput, ConditionInput)] = []
        for i in inputs.indices {
            for j in inputs.indices where j > i {
                if let control, inputs[i].name != control, inputs[j].name != control { continue }
                let swap = control != nil && inputs[j].name == control
                selected.append(swap ? (inputs[j], inputs[i]) : (inputs[i], inputs[j]))
            }
        }
        return selected
    }

    private static func pairs(
        _ selected: [(ConditionInput, ConditionInput)], _ matches: [PairMatch], outcomes: [ConditionOutcome], inputs: [ConditionInput],
        detector: String
    ) -> [PairwiseComparison] {
        func outcome(_ input: ConditionInput) -> ConditionOutcome { outcomes[inputs.firstIndex { $0.name == input.name }!] }
        let fisher = selected.map { a, b in
            let (x, y) = (outcome(a), outcome(b))
            return FisherExact(successes1: x.converged, total1: x.total, successes2: y.converged, total2: y.total)
        }
        let logRank = selected.map { a, b in LogRank([timesToLoop(a, detector), timesToLoop(b, detector)]) }
        let mannWhitney = selected.map { MannWhitney(outcome($0).onsets, outcome($1).onsets) }
        let paired = zip(selected, matches).map { pair, match in match.paired ? pairedTests(pair.0, pair.1, match, detector) : nil }
        let fisherAdjusted = Holm.adjust(fisher.map(\.pValue))
        let logRankAdjusted = Holm.adjust(logRank.map { $0?.pValue })
        let mannWhitneyAdjusted = Holm.adjust(mannWhitney.map { $0?.pValue })
        let mcnemarAdjusted = Holm.adjust(paired.map { $0?.mcnemar.pValue })
        let wilcoxonAdjusted = Holm.adjust(paired.map { $0?.onsetWilcoxon?.pValue })
        return selected.indices.map { k in
            let (a, b) = (outcome(selected[k].0), outcome(selected[k].1))
            var tests = paired[k]
            tests?.mcnemarAdjusted = mcnemarAdjusted[k] ?? 1
            tests?.onsetWilcoxonAdjusted = wilcoxonAdjusted[k]
            return PairwiseComparison(
                detector: detector, first: a.condition, second: b.condition, rateDifference: a.fraction - b.fraction,
                fisher: fisher[k], fisherAdjusted: fisherAdjusted[k] ?? 1, logRank: logRank[k], logRankAdjusted: logRankAdjusted[k],
                mannWhitney: mannWhitney[k], mannWhitneyAdjusted: mannWhitneyAdjusted[k], pairing: matches[k].reason, paired: tests)
        }
    }

    /// Each conversation as (time, event): its onset when it converged, else its last turn, censored.
    static func timesToLoop(_ input: ConditionInput, _ detector: String) -> [(duration: Double, event: Bool)] {
        input.conversations.map { conversation in
            let verdict = conversation.verdicts[detector]
            if let onset = verdict?.onset, verdict?.converged == true { return (Double(onset), true) }
            return (Double(conversation.turns), false)
        }
    }
}
