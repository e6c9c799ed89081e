public import ConvergeMetrics
public import ConvergeStatistics

/// A conversation with a reference label, the input to calibration.
public struct LabelledConversation: Sendable {
    /// An identifier carried into reports, such as the conversation number.
    public var id: String
    /// The reference verdict, from careful readers; who they were (people, AI readers or an LLM
    /// judge) travels with the label file.
    public var label: ConvergenceVerdict
    /// The conversation's per-turn metrics.
    public var series: [TurnMetrics]

    /// - Parameters:
    ///   - id: an identifier.
    ///   - label: the reference verdict.
    ///   - series: the per-turn metrics.
    public init(id: String, label: ConvergenceVerdict, series: [TurnMetrics]) {
        self.id = id
        self.label = label
        self.series = series
    }
}

/// One row of a sensitivity table: one detector setting scored against the labels.
public struct CalibrationResult<Detector: ConvergenceDetector>: Codable, Sendable {
    public var detector: Detector
    public var agreement: BinaryAgreement
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    public var cohensKappa: Double?
    /// Mean |detected onset − labelled onset| over conversations both call converged.
    public var onsetMeanAbsoluteError: Double?

    init(detector: Detector, agreement: BinaryAgreement, onsetErrors: [Int]) {
        self.detector = detector
        self.agreement = agreement
        precision = agreement.precision
        recall = agreement.recall
        f1 = agreement.f1
        cohensKappa = agreement.cohensKappa
        onsetMeanAbsoluteError =
            onsetErrors.isEmpty ? nil : Double(onsetErrors.reduce(0, +)) / Double(onsetErrors.count)
    }
}

/// Threshold calibration against labelled conversations (docs/METRICS.md, "Calibration").
public enum Calibration {
    /// Scores every candidate setting against the labels: the sensitivity table.
    /// - Parameters:
    ///   - candidates: the settings to try, for example from `StudyRule.grid`.
    ///   - conversations: the labelled conversations.
    /// - Returns: one result per candidate, in the candidates' order.
    public static func sweep<Detector: ConvergenceDetector>(
        _ candidates: [Detector], on conversations: [LabelledConversation]
    ) -> [CalibrationResult<Detector>] {
        candidates.map { detector in
            var agreement = BinaryAgreement(predicted: [], actual: [])
            var onsetErrors: [Int] = []
            for conversation in conversations {
                let verdict = detector.detect(conversation.series)
                agreement.record(predicted: verdict.converged, actual: conversation.label.converged)
                if let detected = verdict.onset, let labelled = conversation.label.onset {
                    onsetErrors.append(abs(detected - labelled))
                }
            }
            return CalibrationResult(detector: detector, agreement: agreement, onsetErrors: onsetErrors)
        }
    }

    /// The recommended setting: the highest Cohen's κ, then the highest F1, then the lowest onset
    /// error, then the earliest in the table. κ leads because collapse is common, so raw
    /// agreement and F1 flatter a detector that calls everything converged.
    /// - Parameter results: a sensitivity table from `sweep`.
    /// - Returns: the best row, or nil when no row has a defined κ.
    public static func recommend<Detector>(_ results: [CalibrationResult<Detector>]) -> CalibrationResult<Detector>? {
        var best: CalibrationResult<Detector>?
        for result in results where result.cohensKappa != nil {
            guard let current = best else {
                best = result
                continue
            }
            if rankKey(result).lexicographicallyPrecedes(rankKey(current)) { best = result }
        }
        return best
    }

    /// Ascending sort key: negated κ and F1, then onset error; a missing value ranks last.
    private static func rankKey<Detector>(_ result: CalibrationResult<Detector>) -> [Double] {
        [-(result.cohensKappa ?? -.infinity), -(result.f1 ?? -.infinity), result.onsetMeanAbsoluteError ?? .infinity]
    }

    /// Held-out agreement by k-fold cross-validation: for each fold, the setting `recommend` picks
    /// on the other folds is scored on that fold, and the counts are pooled. Conversation i goes to
    /// fold i mod `folds`, so the split is deterministic.
    /// - Parameters:
    ///   - candidates: the settings to choose among.
    ///   - conversations: the labelled conversations.
    ///   - folds: the number of folds, at least 2.
    /// - Returns: the pooled held-out agreement, and the setting chosen for each fold.
    public static func crossValidate<Detector: ConvergenceDetector>(
        _ candidates: [Detector], on conversations: [LabelledConversation], folds: Int
    ) -> (heldOut: BinaryAgreement, chosen: [Detector?]) {
        precondition(folds >= 2, "cross-validation needs at least 2 folds, got \(folds)")
        var pooled = BinaryAgreement(predicted: [], actual: [])
        var chosen: [Detector?] = []
        for fold in 0..<folds {
            let split = Dictionary(grouping: conversations.indices) { $0 % folds == fold }
            let training = (split[false] ?? []).map { conversations[$0] }
            let best = recommend(sweep(candidates, on: training))?.detector
            chosen.append(best)
            guard let best else { continue }
            for index in split[true] ?? [] {
                let conversation = conversations[index]
                pooled.record(
                    predicted: best.detect(conversation.series).converged, actual: conversation.label.converged)
            }
        }
        return (pooled, chosen)
    }
}
