import ConvergeCore

/// One line per condition for `converge experiment --dry-run`: its name and the settings that
/// matter most for comparing conditions.
public enum ExperimentSummaryLine {
    /// - Parameter condition: the condition.
    /// - Returns: the line, without a line break.
    public static func text(_ condition: ExperimentCondition) -> String {
        let c = condition.configuration
        var parts = [
            "\(c.seeds.count) seeds × \(c.replicates)", "\(c.turns) turns", "max_tokens \(c.maxTokens)",
            "T \(c.sampler.temperature)", "top_p \(c.sampler.topP)", "history \(c.history)", "\(c.promptMode.rawValue)",
            "A \(c.modelA.isEmpty ? "default" : c.modelA)", "B \(c.modelB.isEmpty ? "default" : c.modelB)",
        ]
        if let policy = c.intervention { parts.append("intervention \(policy.action.rawValue) on \(policy.trigger.rawValue)") }
        let s = c.sampler
        if s.repeatPenalty != 1 { parts.append("repeat_penalty \(s.repeatPenalty)") }
        if s.presencePenalty != 0 || s.frequencyPenalty != 0 { parts.append("presence \(s.presencePenalty), frequency \(s.frequencyPenalty)") }
        if s.dryMultiplier > 0 { parts.append("DRY \(s.dryMultiplier)") }
        if s.noRepeatNgramSize > 0 { parts.append("no_repeat_ngram \(s.noRepeatNgramSize)") }
        return condition.name + ": " + parts.joined(separator: ", ")
    }
}
