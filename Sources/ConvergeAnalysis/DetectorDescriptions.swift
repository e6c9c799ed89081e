public import ConvergeDetection
import ConvergeMetrics

/// One-line statements of a detector setting, for the terminal, `summary.json` and the report.
extension StudyRule {
    /// For example `majority of bleu_distance_prev < 0.5, cosine_distance_prev < 0.2 for 3 turns`.
    public var summaryLine: String {
        let tests = thresholds.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) < \($0.value)" }
        return "\(combination.rawValue) of \(tests.joined(separator: ", ")) for \(consecutiveTurns) consecutive turns"
    }
}

extension RepetitionLoopDetector {
    /// For example `rep_4_window ≥ 0.3 or compression_ratio_window ≥ 2.2; ≥ 3 looping turns, gaps ≤ 1, lasting to the end`.
    public var summaryLine: String {
        let ending = requiresPersistence ? ", lasting to the end" : ""
        return loopLine + ending
    }

    /// The looping test and episode rule that all three loop verdicts share.
    var loopLine: String {
        let tests = signals.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) ≥ \($0.value)" }
        return "\(tests.joined(separator: " or ")); ≥ \(minimumLoopTurns) looping turns, gaps ≤ \(maximumGap)"
    }
}

extension ConvergenceDetectors {
    /// One verdict's rule in one line, naming the verdict.
    /// - Parameter name: the verdict.
    /// - Returns: for example `dominant loop: rep_4_window ≥ 0.3 …; looping at the end or ≥ 6 of the last 8 turns`.
    public func summaryLine(_ name: VerdictName) -> String {
        let rule: String
        switch name {
        case .loopingAtEnd: rule = loop.loopLine + "; lasting to the last turn"
        case .dominantLoop:
            rule = loop.loopLine + "; lasting to the last turn, or ≥ \(loop.dominantMinimum) of the last \(loop.dominantWindow) turns looping"
        case .everLooped: rule = loop.loopLine + "; at any point"
        case .studyRule: rule = study.summaryLine
        case .fittedRule: rule = fitted.summaryLine
        }
        return "\(name.title): \(rule)"
    }
}
