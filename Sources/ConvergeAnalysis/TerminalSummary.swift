import ConvergeMetrics
import Foundation

/// The readable summary `converge analyze` prints: the converged fraction of each detector with its
/// Wilson 95% CI and onsets, the detector rules, and a few figures per model.
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
        for (name, result) in [("study rule", summary.study), ("loop detector", summary.loop)] {
            let count = "\(result.converged) / \(result.total)"
            let interval = "[\(percent(result.ciLow)), \(percent(result.ciHigh))]"
            lines.append("  " + pad(name, 15) + pad(count, 10) + pad(percent(result.fraction), 8, right: true) + "  " + pad(interval, 18) + onsets(result.onsets))
        }
        lines += ["", "  " + summary.study.description, "  " + summary.loop.description, ""]
        let columns = ["bleu_distance_prev", "jaccard_distance_prev", "cosine_distance_prev", "rep_4_window"]
        lines.append(
            pad("Per model (means over its turns)", 44)
                + " turns  tokens  " + columns.map { pad(abbreviation($0), 9, right: true) }.joined(separator: " ")
                + "  in loop: study / loop")
        for model in summary.models {
            let name = pad("\(model.agent) \(shortened(model.model, 40))", 44)
            let means = columns.map { column in pad(model.means[column].map { String(format: "%.3f", $0) } ?? "–", 9, right: true) }
            lines.append(
                name + pad(String(model.turns), 6, right: true) + pad(String(format: "%.1f", model.meanTokens), 8, right: true)
                    + "  " + means.joined(separator: " ") + "  " + percent(model.loopShare.study) + " / " + percent(model.loopShare.loop))
        }
        if let tsne = summary.tsne {
            lines += ["", "t-SNE: \(tsne.points) points, \(tsne.method), perplexity \(format(tsne.perplexity)), final KL divergence \(format(tsne.klDivergence))"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func onsets(_ onsets: OnsetDistribution?) -> String {
        guard let onsets else { return "no onsets" }
        return "onset median \(format(onsets.median)) (IQR \(format(onsets.q1))–\(format(onsets.q3)), range \(onsets.min)–\(onsets.max))"
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
