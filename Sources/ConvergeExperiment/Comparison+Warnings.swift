import ConvergeAnalysis

extension Comparison {
    /// `run.json` keys that say how the text was generated. Conditions generated differently are not
    /// comparable conversation by conversation (a batch-dependent run's text depends on what else
    /// shared its batch), and may not be comparable at all; each key is looked for in
    /// `configuration` and at the top level.
    static let generationKeys = [("generation.batch_invariant", "generation mode (batch-invariant)"), ("parallel", "--parallel width")]

    /// One warning per generation key whose value differs between conditions that both record it.
    static func generationWarnings(_ inputs: [ConditionInput]) -> [String] {
        generationKeys.compactMap { key, label in
            let recorded = inputs.compactMap { input in
                (input.settings["configuration." + key] ?? input.settings[key]).map { (input.name, $0.description) }
            }
            guard Set(recorded.map(\.1)).count > 1 else { return nil }
            let values = recorded.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            return "conditions ran with different \(label) (\(key): \(values)); their conversations may differ for that reason alone"
        }
    }
}
