import ConvergeCore
public import ConvergeDetection
public import ConvergeStatistics
import Foundation

/// Every named verdict of an analysed run scored against reference labels: confusion counts and
/// Cohen's κ with its bootstrap 95% interval, and who made the labels (docs/METRICS.md, "Default
/// verdict"). This is how the default verdict is chosen.
public struct VerdictAgreement: Sendable {
    public struct Row: Sendable {
        public var verdict: VerdictName
        public var agreement: BinaryAgreement
        public var kappa: KappaInterval
    }

    /// One row per verdict, in `VerdictName` order.
    public var rows: [Row]
    /// The distinct `labeller` values of the labels used, as the label file states them.
    public var labellers: [String]
    /// Labelled conversations, and how many the labels call converged.
    public var labelled: Int
    public var labelledConverged: Int

    /// - Parameters:
    ///   - summary: the run's summary.
    ///   - labels: labels of this run (`run` equal to the summary's or absent); for a conversation
    ///     labelled more than once the last label counts.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) when no label matches a conversation.
    public init(summary: AnalysisSummary, labels: [ConversationLabel]) throws {
        var latest: [ConversationID: ConversationLabel] = [:]
        for label in labels where label.run == nil || label.run == summary.run { latest[.number(label.conversation)] = label }
        let pairs = summary.conversations.compactMap { entry in latest[entry.conversation].map { (entry, $0) } }
        guard !pairs.isEmpty else {
            throw ConvergeError(.invalidParameter, "no label matches a conversation of run \(summary.run)")
        }
        labelled = pairs.count
        labelledConverged = pairs.count { $0.1.converged }
        labellers = Set(pairs.map(\.1.labeller)).sorted()
        let actual = pairs.map(\.1.converged)
        rows = VerdictName.allCases.map { name in
            let predicted = pairs.map { $0.0[name].converged }
            return Row(
                verdict: name, agreement: BinaryAgreement(predicted: predicted, actual: actual),
                kappa: KappaInterval(predicted: predicted, actual: actual))
        }
    }

    /// The table `converge analyze --labels` prints, ending with a line break.
    public var text: String {
        var lines = [
            "Agreement with \(labelled) labelled conversations (\(labelledConverged) converged), labelled by \(labellers.joined(separator: "; ")):",
            "  verdict            tp  fp  fn  tn   κ [bootstrap 95% CI]",
        ]
        for row in rows {
            let a = row.agreement
            let counts = [a.truePositives, a.falsePositives, a.falseNegatives, a.trueNegatives].map { String($0).leftPadded(3) }
            let kappa = row.kappa.kappa.map(TerminalSummary.format) ?? "undefined"
            let interval = row.kappa.lower.flatMap { low in row.kappa.upper.map { "[\(TerminalSummary.format(low)), \(TerminalSummary.format($0))]" } } ?? ""
            lines.append(
                "  " + row.verdict.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + counts.joined(separator: " ") + "   \(kappa) \(interval)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
