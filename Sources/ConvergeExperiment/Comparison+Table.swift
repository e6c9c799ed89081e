import ConvergeDetection
import ConvergeMetrics
import ConvergeStatistics
import Foundation

extension Comparison {
    /// The readable tables `converge compare` prints: the design and any warnings, then per detector
    /// each condition's rate with its Wilson 95% CI, onsets and Kaplan–Meier median, the pairwise
    /// tests with raw and Holm-adjusted p-values, the paired tests, and the sweep regression.
    public var table: String {
        var lines: [String] = ["Experiment \(experiment)", "Design: \(design)"]
        lines += warnings.map { "Warning: \($0)" }
        lines.append("")
        let width = max(12, conditions.map(\.condition.count).max() ?? 0)
        for detector in Self.detectors {
            lines.append(detector == "study" ? "Study rule" : "Loop detector")
            lines.append("  " + pad("condition", width) + "  converged   rate   95% CI          onset median [IQR]       KM median")
            for c in conditions where c.detector == detector {
                let onset = c.onsetSummary.map { "\(format($0.median)) [\(format($0.lowerQuartile))–\(format($0.upperQuartile))] n=\($0.count)" } ?? "–"
                let median = c.kaplanMeier.map { $0.median.map(format) ?? "not reached" } ?? "–"
                lines.append(
                    "  " + pad(c.condition, width) + "  " + pad("\(c.converged)/\(c.total)", 9) + " " + pad(percent(c.fraction), 6, right: true)
                        + "   " + pad("[\(percent(c.ciLow)), \(percent(c.ciHigh))]", 15) + " " + pad(onset, 24) + " " + median)
            }
            lines += pairLines(detector, width: width)
            if let regression = regressions.first(where: { $0.detector == detector }) { lines += regressionLines(regression) }
            lines.append("")
        }
        if !metricTests.isEmpty {
            lines.append("Paired self-BLEU (Wilcoxon signed-rank)")
            for test in metricTests {
                let p = test.wilcoxon.map { "\(pValue($0.pValue)) (\(pValue(test.wilcoxonAdjusted ?? 1))) \($0.method.rawValue)" } ?? "– (no differences)"
                lines.append("  " + pad("\(test.first) vs \(test.second)", 2 * width + 4) + " n=\(test.pairs)  p \(p)")
            }
            lines.append("")
        }
        if !persistence.isEmpty {
            lines.append("Persistence: branches of conversations looping at the branch turn, escaped = not looping K turns later")
            for outcome in persistence {
                let c = outcome.cells
                lines.append("  \(c[0]): at turn \(c[1]), within \(c[2]): \(c[3]) escaped, \(c[4]) \(c[5]); \(c[6]) left alone: \(c[7]), \(c[8]) \(c[9])")
            }
            lines.append("")
        }
        lines.append("Tests: " + method + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    private func pairLines(_ detector: String, width: Int) -> [String] {
        let tests = pairs.filter { $0.detector == detector }
        guard !tests.isEmpty else { return [] }
        var lines = ["  " + pad("pair", 2 * width + 4) + "  Δrate   Fisher p (Holm)     log-rank p (Holm)   MWU converged-only p (Holm)"]
        for p in tests {
            let logRank = p.logRank.map { "\(pValue($0.pValue)) (\(pValue(p.logRankAdjusted ?? 1)))" } ?? "–"
            let mwu = p.mannWhitney.map { "\(pValue($0.pValue)) (\(pValue(p.mannWhitneyAdjusted ?? 1)))" } ?? "–"
            lines.append(
                "  " + pad("\(p.first) vs \(p.second)", 2 * width + 4) + " " + pad(signedPercent(p.rateDifference), 6, right: true)
                    + "   " + pad("\(pValue(p.fisher.pValue)) (\(pValue(p.fisherAdjusted)))", 19) + " " + pad(logRank, 19) + " " + mwu)
        }
        let paired = tests.filter { $0.paired != nil }
        guard !paired.isEmpty else { return lines }
        lines.append("  " + pad("paired", 2 * width + 4) + "  pairs  b/c     McNemar p (Holm)    onset Wilcoxon p (Holm)")
        for p in paired {
            let t = p.paired!
            let wilcoxon =
                t.onsetWilcoxon.map { "\(pValue($0.pValue)) (\(pValue(t.onsetWilcoxonAdjusted ?? 1))) \($0.method.rawValue)" } ?? "– (no differences)"
            lines.append(
                "  " + pad("\(p.first) vs \(p.second)", 2 * width + 4) + "  " + pad(String(t.pairs), 5) + "  "
                    + pad("\(t.mcnemar.firstOnly)/\(t.mcnemar.secondOnly)", 6) + "  " + pad("\(pValue(t.mcnemar.pValue)) (\(pValue(t.mcnemarAdjusted)))", 19)
                    + " " + wilcoxon)
        }
        return lines
    }

    private func regressionLines(_ regression: SweepRegression) -> [String] {
        let fit = regression.fit
        var lines = ["  Logistic regression of the verdict on \(regression.factors.joined(separator: ", ")) (\(fit.observations) conversations)"]
        if !regression.confounded.isEmpty {
            lines.append("    left out, varying exactly with an earlier factor: \(regression.confounded.joined(separator: ", "))")
        }
        switch fit.status {
        case .separation:
            lines.append("    not estimable: separation (some factor combination predicts the verdict perfectly, or every verdict is the same)")
        case .singular:
            lines.append("    not estimable: the factors are collinear")
        case .fitted:
            let nameWidth = max(12, fit.coefficients.map(\.name.count).max() ?? 0)
            lines.append("    " + pad("term", nameWidth) + "  log-odds      SE       z        p")
            for c in fit.coefficients {
                lines.append(
                    "    " + pad(c.name, nameWidth) + "  " + pad(String(format: "%+.3f", c.estimate), 9, right: true) + "  "
                        + pad(String(format: "%.3f", c.standardError), 7, right: true) + "  " + pad(String(format: "%+.2f", c.z), 6, right: true)
                        + "  " + pValue(c.pValue))
            }
            lines.append("    likelihood-ratio test of all factors: p \(pValue(fit.likelihoodRatioPValue ?? 1))")
        }
        return lines
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
