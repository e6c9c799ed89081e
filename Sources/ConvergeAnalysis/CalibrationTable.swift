import ConvergeCore
import ConvergeDetection
import ConvergeStatistics
public import Foundation

/// The sensitivity tables of a calibration as terminal text and as CSV.
public enum CalibrationTable {
    /// The top rows of each table, the recommendation and its cross-validated agreement.
    /// - Parameters:
    ///   - outcome: the calibration.
    ///   - top: rows shown per detector.
    /// - Returns: the text, ending with a line break.
    public static func text(_ outcome: CalibrationOutcome, top: Int = 10) -> String {
        var lines = ["Calibrated on \(outcome.conversations) labelled conversations, \(outcome.labelledConverged) of them converged."]
        lines += section(
            "Study rule", outcome.study, best: outcome.studyBest, heldOut: outcome.studyHeldOut, folds: outcome.folds, top: top,
            evaluation: outcome.studyEvaluation, describe: \.summaryLine)
        lines += section(
            "Loop detector", outcome.loop, best: outcome.loopBest, heldOut: outcome.loopHeldOut, folds: outcome.folds, top: top,
            evaluation: outcome.loopEvaluation, describe: \.summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every row of both tables: detector, setting, confusion counts, precision, recall, F1, κ and
    /// the mean onset error (empty where undefined).
    public static func csv(_ outcome: CalibrationOutcome) -> String {
        var text = CSV.line(["detector", "setting", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa", "onset_mae"])
        func rows<Detector>(_ name: String, _ table: [CalibrationResult<Detector>], _ describe: (Detector) -> String) {
            for row in table {
                let a = row.agreement
                let numbers = [row.precision, row.recall, row.f1, row.cohensKappa, row.onsetMeanAbsoluteError].map { $0.map { "\($0)" } ?? "" }
                text += CSV.line(
                    [name, describe(row.detector)] + [a.truePositives, a.falsePositives, a.falseNegatives, a.trueNegatives].map(String.init)
                        + numbers)
            }
        }
        rows("study", outcome.study, \.summaryLine)
        rows("loop", outcome.loop, \.summaryLine)
        return text
    }

    /// Writes `csv(outcome)` atomically.
    /// - Throws: `ConvergeError` (code `.io`).
    public static func writeCSV(_ outcome: CalibrationOutcome, to url: URL) throws {
        do { try Data(csv(outcome).utf8).write(to: url, options: .atomic) } catch {
            throw ConvergeError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    private static func section<Detector>(
        _ title: String, _ table: [CalibrationResult<Detector>], best: CalibrationResult<Detector>, heldOut: BinaryAgreement?,
        folds: Int?, top: Int, evaluation: CalibrationResult<Detector>?, describe: (Detector) -> String
    ) -> [String] {
        var lines = [
            "", "\(title): \(table.count) settings, best \(min(top, table.count)) by κ, then F1, then onset error",
            ["κ", "F1", "P", "R", "onset±"].map { $0.leftPadded(7) }.joined(separator: " ") + "  setting",
        ]
        for row in ranked(table).prefix(top) {
            let numbers = [row.cohensKappa, row.f1, row.precision, row.recall, row.onsetMeanAbsoluteError].map(cell)
            lines.append(numbers.joined(separator: " ") + "  " + describe(row.detector))
        }
        lines.append("Recommended: \(describe(best.detector))")
        var agreement = "  in-sample κ \(number(best.cohensKappa)), F1 \(number(best.f1))"
        if let heldOut, let folds {
            agreement +=
                "; held out (\(folds)-fold cross-validation) κ \(number(heldOut.cohensKappa)), F1 \(number(heldOut.f1)), "
                + "precision \(number(heldOut.precision)), recall \(number(heldOut.recall))"
        }
        lines.append(agreement)
        if let evaluation {
            lines.append(
                "  on \(evaluation.agreement.total) conversations of the evaluation runs: κ \(number(evaluation.cohensKappa)), "
                    + "F1 \(number(evaluation.f1)), precision \(number(evaluation.precision)), recall \(number(evaluation.recall))")
        }
        return lines
    }

    /// The table in the order `Calibration.recommend` prefers: κ, then F1 descending, then onset
    /// error ascending; a missing value last; ties keep grid order.
    static func ranked<Detector>(_ table: [CalibrationResult<Detector>]) -> [CalibrationResult<Detector>] {
        let keyed = table.enumerated().map { index, row in
            (key: [-(row.cohensKappa ?? -.infinity), -(row.f1 ?? -.infinity), row.onsetMeanAbsoluteError ?? .infinity, Double(index)], row: row)
        }
        return keyed.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.row)
    }

    private static func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }

    private static func cell(_ value: Double?) -> String { number(value).leftPadded(7) }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
