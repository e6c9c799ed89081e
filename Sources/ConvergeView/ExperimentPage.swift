import ConvergeReport
import Foundation

/// An experiment's page: each condition's rates by verdict with their CIs, linked to the
/// condition's run page, then the `converge compare` tables when `comparison.csv` exists.
enum ExperimentPage {
    static func render(_ entry: ViewerEntry) -> String {
        let runs = ViewerEntry.conditions(of: entry.url).map { ViewerEntry.run(at: $0, path: entry.path + "/" + $0.lastPathComponent) }
        let rows: [Markup] = runs.map { run in
            let turns = run.turnsPlanned.map { "\(run.turnsDone)/\($0)" } ?? String(run.turnsDone)
            return """
                <tr><td>\(PageShell.link(run.path, text: run.url.lastPathComponent))</td>\
                <td><span class="state \(run.state.rawValue)">\(run.state.rawValue)</span></td><td class="num">\(turns)</td>\
                <td>\(IndexPage.rates(run.summary))</td></tr>
                """
        }
        let body: Markup = """
            <p class="status"><span class="state \(entry.state.rawValue)">\(entry.state.rawValue)</span> · \(entry.preset)</p>
            \(AtlasPage.link(entry.url, path: entry.path))<h2>Rates by condition</h2>
            <table class="runs"><thead><tr><th>condition</th><th>status</th><th>turns</th><th>rates by verdict (95% CI)</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            <h2>Comparisons</h2>\(comparison(entry.url))
            """
        return PageShell.page(title: entry.path, heading: "Experiment \(entry.path)", body: body)
    }

    /// `comparison.csv` as a table: one row per pairwise test, as `converge compare` wrote it.
    private static func comparison(_ url: URL) -> Markup {
        guard let text = try? String(contentsOf: url.appendingPathComponent("comparison.csv"), encoding: .utf8) else {
            return "<p class=\"sub\">No <code>comparison.csv</code>: run <code>converge compare</code> on this directory.</p>"
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return .empty }
        let head: [Markup] = header.map { "<th>\($0)</th>" }
        let rows: [Markup] = lines.dropFirst().map { cells in
            let tds: [Markup] = cells.map { "<td>\(Double($0).map { String(format: "%.4g", $0) } ?? $0)</td>" }
            return "<tr>\(tds)</tr>"
        }
        return "<table class=\"compare\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }
}
