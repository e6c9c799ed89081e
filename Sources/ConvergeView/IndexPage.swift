import ConvergeAnalysis
import ConvergeDetection
import ConvergeReport
import Foundation

/// `/`: one row per run or experiment, rendered on the server so a plain HTTP client (or a script
/// polling it) sees the list and its progress without running any JavaScript.
enum IndexPage {
    static func render(_ entries: [ViewerEntry], root: String, atlas: Markup = .empty) -> String {
        let rows: [Markup] = entries.map(row)
        let table: Markup =
            entries.isEmpty
            ? "<p>No runs under \(root) yet. Start one with <code>converge run --out \(root)/NAME</code>.</p>"
            : """
            <table class="runs"><thead><tr><th>run</th><th>preset</th><th>models</th><th>date</th><th>status</th>\
            <th>turns</th><th>rates by verdict (95% CI)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return PageShell.page(
            title: "runs", heading: "Runs under \(root)",
            body: atlas + table + "<p class=\"sub\">Reload to refresh; a run's own page updates by itself.</p>")
    }

    private static func row(_ entry: ViewerEntry) -> Markup {
        let turns = entry.turnsPlanned.map { "\(entry.turnsDone)/\($0)" } ?? String(entry.turnsDone)
        let date = entry.date.map(format) ?? "—"
        return """
            <tr data-run="\(entry.path)"><td>\(PageShell.link(entry.path, text: entry.path))</td><td>\(entry.preset)</td>\
            <td>\(entry.models.joined(separator: " · "))</td><td>\(date)</td>\
            <td><span class="state \(entry.state.rawValue)">\(entry.state.rawValue)</span></td>\
            <td class="num">\(turns)</td><td>\(rates(entry.summary))</td></tr>
            """
    }

    /// Every verdict of the saved analysis, the default one first and in bold.
    static func rates(_ summary: AnalysisSummary?) -> Markup {
        guard let summary else { return "<span class=\"sub\">not analysed</span>" }
        let names = [summary.defaultVerdict] + VerdictName.allCases.filter { $0 != summary.defaultVerdict }
        let parts: [Markup] = names.compactMap { name in
            guard let result = summary.verdicts[name] else { return nil }
            let text = "\(name.title) \(result.converged)/\(result.total) " + percentRange(result)
            return name == summary.defaultVerdict ? "<b>\(text)</b><br>" : "<span class=\"sub\">\(text)</span><br>"
        }
        return parts.joined()
    }

    static func percentRange(_ result: VerdictOutcome) -> String {
        String(format: "%.0f%% [%.0f–%.0f]", result.fraction * 100, result.ciLow * 100, result.ciHigh * 100)
    }

    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date) + " UTC"
    }
}
