public import ConvergeMetrics

/// Whether a conversation has converged, and from which turn.
public struct ConvergenceVerdict: Codable, Equatable, Sendable {
    public var converged: Bool
    /// The 1-based turn t* where the loop starts; nil when not converged.
    public var onset: Int?

    /// - Parameter onset: the onset turn, or nil for "not converged".
    public init(onset: Int?) {
        converged = onset != nil
        self.onset = onset
    }

    /// `onset` is written as null when there is none, so a reader sees "no onset", not a missing key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(converged, forKey: .converged)
        try container.encode(onset, forKey: .onset)
    }
}

/// A convergence detector: a Codable configuration that can be saved in a detector JSON file and
/// that makes trackers, which run it live, one turn at a time.
public protocol ConvergenceDetector: Codable, Sendable {
    associatedtype Tracker: ConvergenceTracker
    /// A tracker at the start of a conversation.
    func makeTracker() -> Tracker
}

/// The running state of a detector over one conversation.
public protocol ConvergenceTracker: Sendable {
    /// The verdict if the conversation ended after the turns appended so far.
    var verdict: ConvergenceVerdict { get }
    /// Feeds the next turn's metrics; rows must come in turn order.
    /// - Parameter row: the metrics of the next turn.
    /// - Returns: the verdict after this turn.
    @discardableResult
    mutating func append(_ row: TurnMetrics) -> ConvergenceVerdict
}

extension ConvergenceDetector {
    /// Runs the detector over a finished conversation.
    /// - Parameter series: the per-turn metrics in turn order.
    /// - Returns: the final verdict.
    public func detect(_ series: [TurnMetrics]) -> ConvergenceVerdict {
        var tracker = makeTracker()
        for row in series { tracker.append(row) }
        return tracker.verdict
    }
}

/// Every detector setting behind the named verdicts, shipped side by side in every output and saved
/// as one detector JSON file.
public struct ConvergenceDetectors: Codable, Equatable, Sendable {
    /// The study's rule (`study_rule`).
    public var study: StudyRule
    /// A rule of the study's form fitted to labels (`fitted_rule`).
    public var fitted: StudyRule
    /// The tool's own detector, behind the three loop verdicts.
    public var loop: RepetitionLoopDetector
    /// Where the thresholds came from and who made the labels, carried into every output so a
    /// reader can tell a calibrated setting from another.
    public var provenance: String

    /// - Parameters:
    ///   - study: the study's rule.
    ///   - fitted: the fitted rule.
    ///   - loop: the tool's own detector.
    ///   - provenance: where the thresholds came from.
    public init(study: StudyRule, fitted: StudyRule = .fitted, loop: RepetitionLoopDetector, provenance: String) {
        self.study = study
        self.fitted = fitted
        self.loop = loop
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey { case study, fitted, loop, provenance }

    /// Reads a detector file; one written before the fitted rule had its own name gets the
    /// shipped fitted rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            study: try container.decode(StudyRule.self, forKey: .study),
            fitted: try container.decodeIfPresent(StudyRule.self, forKey: .fitted) ?? .fitted,
            loop: try container.decode(RepetitionLoopDetector.self, forKey: .loop),
            provenance: try container.decode(String.self, forKey: .provenance))
    }

    /// The built-in defaults, calibrated on labelled conversations of the default models under the
    /// paper protocol (docs/METRICS.md, "Calibration"). Other models or settings deserve their own
    /// labels and `converge calibrate`.
    public static let calibrated = ConvergenceDetectors(
        study: .study, fitted: .fitted, loop: .calibrated,
        provenance:
            "loop detector chosen on 150 conversations of the default pair under the paper protocol labelled by AI readers given no rule (AI agents, not people; data/blind-labels: interventions-50 control, heldout-seed3, heldout-seed4; chosen in sample) and confirmed on 50 pre-registered held-out ones (heldout-seed5, 3 AI readers: dominant_loop κ 0.88, bootstrap 95% CI [0.72, 1.00]); study rule thresholds fitted on data/calibration paper-seed1 (2 AI readers, lasts-to-the-end criterion; κ 0.31 in sample, −0.00 on paper-seed2)"
    )

    /// Every named verdict of one conversation, with its escape turns and loop share.
    /// - Parameter series: the per-turn metrics in turn order.
    /// - Returns: the verdicts.
    public func verdicts(_ series: [TurnMetrics]) -> ConversationVerdicts {
        var tracker = loop.makeTracker()
        for row in series { tracker.append(row) }
        var verdicts: [VerdictName: ConvergenceVerdict] = [.studyRule: study.detect(series), .fittedRule: fitted.detect(series)]
        for name in VerdictName.allCases {
            if let verdict = tracker.verdict(name) { verdicts[name] = verdict }
        }
        return ConversationVerdicts(verdicts: verdicts, escapeTurns: tracker.escapeTurns, loopShare: tracker.loopShare)
    }
}

/// One conversation under every named verdict (docs/METRICS.md, "Verdicts").
public struct ConversationVerdicts: Equatable, Sendable {
    /// One verdict per `VerdictName`.
    public var verdicts: [VerdictName: ConvergenceVerdict]
    /// Turns where a loop of the loop detector was escaped.
    public var escapeTurns: [Int]
    /// The share of turns spent inside such loops.
    public var loopShare: Double

    /// - Parameter name: a verdict.
    /// - Returns: its verdict; "not converged" if it was not computed.
    public subscript(name: VerdictName) -> ConvergenceVerdict { verdicts[name] ?? ConvergenceVerdict(onset: nil) }
}
