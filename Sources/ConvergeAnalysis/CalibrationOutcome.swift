import ConvergeCore
public import ConvergeDetection
public import ConvergeStatistics

/// Both detectors calibrated against the same labels: the sensitivity tables, the recommended
/// settings and their cross-validated agreement (docs/METRICS.md, "Calibration").
public struct CalibrationOutcome: Sendable {
    /// Labelled conversations, and how many of them the labels call converged.
    public var conversations: Int
    public var labelledConverged: Int
    /// The sensitivity tables, in grid order.
    public var study: [CalibrationResult<StudyRule>]
    public var loop: [CalibrationResult<RepetitionLoopDetector>]
    /// The best-κ rows.
    public var studyBest: CalibrationResult<StudyRule>
    public var loopBest: CalibrationResult<RepetitionLoopDetector>
    /// Folds of the cross-validation; nil when there are too few conversations for it.
    public var folds: Int?
    /// Pooled held-out agreement of the setting chosen on the other folds.
    public var studyHeldOut: BinaryAgreement?
    public var loopHeldOut: BinaryAgreement?
    /// The recommended settings scored on labelled runs kept out of the fit (`evaluate(on:)`), as
    /// LABELLING.md's procedure asks: fit on one run, report agreement on another.
    public var studyEvaluation: CalibrationResult<StudyRule>?
    public var loopEvaluation: CalibrationResult<RepetitionLoopDetector>?

    /// Sweeps both grids and picks the best-κ setting of each.
    /// - Parameters:
    ///   - conversations: the labelled conversations.
    ///   - studyGrid: the study-rule settings to try.
    ///   - loopGrid: the loop-detector settings to try.
    ///   - folds: cross-validation folds, capped at the number of conversations; below 2, none.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) when the labels are all one class, where
    ///   Cohen's κ cannot rank settings.
    public init(
        _ conversations: [LabelledConversation], studyGrid: [StudyRule] = CalibrationGrid.study,
        loopGrid: [RepetitionLoopDetector] = CalibrationGrid.loop, folds: Int = 5
    ) throws {
        guard !conversations.isEmpty else {
            throw ConvergeError(.invalidParameter, "no labelled conversations: label some first with converge label DIR")
        }
        let converged = conversations.count { $0.label.converged }
        guard converged > 0, converged < conversations.count else {
            throw ConvergeError(
                .invalidParameter,
                "calibration needs labels of both kinds; all \(conversations.count) labelled conversations are \(converged > 0 ? "converged" : "not converged")"
            )
        }
        study = Calibration.sweep(studyGrid, on: conversations)
        loop = Calibration.sweep(loopGrid, on: conversations)
        guard let studyBest = Calibration.recommend(study), let loopBest = Calibration.recommend(loop) else {
            throw ConvergeError(.invalidParameter, "no detector setting has a defined κ on these labels")
        }
        self.conversations = conversations.count
        labelledConverged = converged
        self.studyBest = studyBest
        self.loopBest = loopBest
        let usedFolds = min(folds, conversations.count)
        if usedFolds >= 2 {
            self.folds = usedFolds
            studyHeldOut = Calibration.crossValidate(studyGrid, on: conversations, folds: usedFolds).heldOut
            loopHeldOut = Calibration.crossValidate(loopGrid, on: conversations, folds: usedFolds).heldOut
        }
    }

    /// Scores the recommended settings on conversations that took no part in the fit.
    /// - Parameter conversations: labelled conversations of other runs; none leaves the evaluation empty.
    public mutating func evaluate(on conversations: [LabelledConversation]) {
        guard !conversations.isEmpty else { return }
        studyEvaluation = Calibration.sweep([studyBest.detector], on: conversations).first
        loopEvaluation = Calibration.sweep([loopBest.detector], on: conversations).first
    }

    /// The recommended settings as a detector file.
    /// - Parameters:
    ///   - runs: the names of the runs the labels came from, for the provenance.
    ///   - labellers: who made the labels, as the label files name them, for the provenance.
    /// - Returns: the study rule and the loop detector with a provenance line stating the data, who
    ///   labelled it and the agreement; the fitted rule is the shipped one.
    public func detectors(runs: [String], labellers: [String] = []) -> ConvergenceDetectors {
        func kappa(_ value: Double?) -> String { value.map { TerminalSummary.format($0) } ?? "undefined" }
        let heldOut =
            folds.map { folds in
                "; \(folds)-fold cross-validated κ study \(kappa(studyHeldOut?.cohensKappa)), loop \(kappa(loopHeldOut?.cohensKappa))"
            } ?? ""
        let evaluated =
            studyEvaluation.map { study in
                "; on \(study.agreement.total) held-out conversations of other runs κ study \(kappa(study.cohensKappa)), loop \(kappa(loopEvaluation?.cohensKappa))"
            } ?? ""
        let provenance =
            "calibrated by converge calibrate on \(conversations) labelled conversations (\(labelledConverged) converged) "
            + "from \(runs.joined(separator: ", "))"
            + (labellers.isEmpty ? "" : ", labelled by \(labellers.joined(separator: ", "))")
            + "; in-sample κ study \(kappa(studyBest.cohensKappa)), loop \(kappa(loopBest.cohensKappa))"
            + heldOut + evaluated
        return ConvergenceDetectors(study: studyBest.detector, fitted: .fitted, loop: loopBest.detector, provenance: provenance)
    }
}
