import ConvergeDetection
import ConvergeStatistics
import Foundation

/// The readable summary `converge analyze` prints: the converged fraction of each named verdict with
/// its Wilson 95% CI and onsets, the rules, and a few figures per model.
public enum TerminalSummary {
    /// - Parameter summary: the analysis summary.
    /// - Returns: the text, ending with a line break.
    public static func text(_ summary: AnalysisSummary) -> String {
        var lines = [
            "Run \(summary.run): \(summary.conversationCount) conversations, \(summary.turnCount) turns (embedder \(summary.embedder))",
            "Detector settings: \(summary.detectorSettings.provenance)",
            "",
            "Converged, with Wilson 95% CI:",
        ]
        for name in VerdictName.allCases {
            let result = summary[name]
            let title = name == summary.defaultVerdict ? "\(name.rawValue) *" : name.rawValue
            let count = "\(result.converged) / \(result.total)"
            let interval = "[\(percent(result.ciLow)), \(percent(result.ciHigh))]"
            lines.append(
                "  " + pad(title, 17) + pad(count, 10) + pad(percent(result.fraction), 8, right: true) + "  " + pad(interval, 18) + onsets(result.onsetSummary))
        }
        let escapes = summary.conversations.reduce(0) { $0 + $1.escapeTurns.count }
        let share = summary.conversations.isEmpty ? 0 : summary.conversations.reduce(0) { $0 + $1.loopShare } / Double(summary.conversations.count)
        lines += [
            "  * default verdict. Loops escaped: \(escapes); mean share of turns spent looping: \(percent(share)).", "",
        ]
        lines += VerdictName.allCases.map { "  " + summary[$0].description } + [""]
        let columns = ["bleu_distance_prev", "jaccard_distance_prev", "cosine_distance_prev", "rep_4_window"]
        lines.append(
            pad("Per model (means over its turns)", 44)
                + " turns  tokens  " + columns.map { pad(abbreviation($0), 9, right: true) }.joined(separator: " ")
                + "  in loop: study / \(summary.defaultVerdict.rawValue)")
        for model in summary.models {
            let name = pad("\(model.agent) \(shortened(model.model, 40))", 44)
            let means = columns.map { column in pad(model.means[column].map { String(format: "%.3f", $0) } ?? "–", 9, right: true) }
            lines.append(
                name + pad(String(model.turns), 6, right: true) + pad(String(format: "%.1f", model.meanTokens), 8, right: true)
                    + "  " + means.joined(separator: " ") + "  " + percent(model.loopShare[.studyRule] ?? 0) + " / "
                    + percent(model.loopShare[summary.defaultVerdict] ?? 0))
        }
        if let tsne = summary.tsne {
            lines += [
                "", "t-SNE: \(tsne.points) points, \(tsne.method), perplexity \(format(tsne.perplexity)), final KL divergence \(format(tsne.klDivergence))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func onsets(_ onsets: OnsetSummary?) -> String {
        guard let onsets else { return "no onsets" }
        return
            "onset median \(format(onsets.median)) (IQR \(format(onsets.lowerQuartile))–\(format(onsets.upperQuartile)), range \(onsets.minimum)–\(onsets.maximum))"
    }

    private static func abbreviation(_ column: String) -> String {
        column.replacingOccurrences(of: "_distance", with: "").replacingOccurrences(of: "cosine", with: "cos")
            .replacingOccurrences(of: "jaccard", with: "jacc")
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// A number with at most three decimals and no trailing zeros.
    static func format(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
