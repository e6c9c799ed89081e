public import ConvergeMetrics

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
        let tests = signals.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) ≥ \($0.value)" }
        let ending = requiresPersistence ? ", lasting to the end" : ""
        return "\(tests.joined(separator: " or ")); ≥ \(minimumLoopTurns) looping turns, gaps ≤ \(maximumGap)\(ending)"
    }
}
