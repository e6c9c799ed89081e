import ConvergeMetrics
import Foundation

extension Comparison {
    /// The readable tables `converge compare` prints: per detector, each condition's rate with its
    /// Wilson 95% CI and onsets, then the pairwise tests with raw and Holm-adjusted p-values.
    public var table: String {
        var lines: [String] = ["Experiment \(experiment)", ""]
        let width = max(12, conditions.map(\.condition.count).max() ?? 0)
        for detector in ["study", "loop"] {
            lines.append(detector == "study" ? "Study rule" : "Loop detector")
            lines.append("  " + pad("condition", width) + "  converged   rate   95% CI          onset median [IQR]")
            for c in conditions where c.detector == detector {
                let onset = c.onsetSummary.map { "\(format($0.median)) [\(format($0.lowerQuartile))–\(format($0.upperQuartile))] n=\($0.count)" } ?? "–"
                lines.append(
                    "  " + pad(c.condition, width) + "  " + pad("\(c.converged)/\(c.total)", 9) + " " + pad(percent(c.fraction), 6, right: true)
                        + "   " + pad("[\(percent(c.ciLow)), \(percent(c.ciHigh))]", 15) + " " + onset)
            }
            let tests = pairs.filter { $0.detector == detector }
            if !tests.isEmpty {
                lines.append("  " + pad("pair", 2 * width + 4) + "  Δrate   Fisher p (Holm)     onsets: MWU p (Holm)")
                for p in tests {
                    let mwu = p.mannWhitney.map { "\(pValue($0.pValue)) (\(pValue(p.mannWhitneyAdjusted ?? 1)))" } ?? "–"
                    lines.append(
                        "  " + pad("\(p.first) vs \(p.second)", 2 * width + 4) + " " + pad(signedPercent(p.rateDifference), 6, right: true)
                            + "   " + pad("\(pValue(p.fisher.pValue)) (\(pValue(p.fisherAdjusted)))", 19) + " " + mwu)
                }
            }
            lines.append("")
        }
        lines.append("Tests: " + method + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    private func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
    private func signedPercent(_ value: Double) -> String { String(format: "%+.0f%%", value * 100) }
    private func format(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
    private func pValue(_ value: Double) -> String { value < 0.001 ? String(format: "%.1e", value) : String(format: "%.3f", value) }
}
