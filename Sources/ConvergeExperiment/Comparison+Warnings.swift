import ConvergeAnalysis

extension Comparison {
    /// One line per way the conditions' texts were generated differently (`run.json`). A
    /// batch-dependent run's text depends on what else shared its batch, so its conversations are
    /// comparable with another condition's only at the same `--parallel`; runs recorded as
    /// batch-invariant (docs/INVARIANCE.md) are comparable at any width. Runs from before that record
    /// existed count as batch-dependent.
    static func generationWarnings(_ inputs: [ConditionInput]) -> [String] {
        let arithmetic = inputs.map { ($0.name, $0.settings["backend.arithmetic"]?.description) }
        var warnings: [String] = []
        if Set(arithmetic.map(\.1)).count > 1 {
            let values = arithmetic.map { "\($0.0): \($0.1 ?? "not recorded")" }.joined(separator: "; ")
            warnings.append("conditions ran with different arithmetic (\(values)); their conversations may differ for that reason alone")
        }
        let widths = inputs.compactMap { input in
            (input.settings["configuration.parallel"] ?? input.settings["parallel"]).map { (input.name, $0.description) }
        }
        let batchDependent = arithmetic.contains { !($0.1?.hasPrefix("batch-invariant") ?? false) }
        if batchDependent, Set(widths.map(\.1)).count > 1 {
            let values = widths.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            warnings.append("conditions ran batch-dependent at different --parallel widths (\(values)); their conversations may differ for that reason alone")
        }
        return warnings
    }
}
