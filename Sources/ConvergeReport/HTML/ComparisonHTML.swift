public import Foundation

/// Renders an experiment's comparison as one self-contained page, in the run report's style.
/// - Parameter input: the comparison.
/// - Returns: the complete `comparison.html` text.
public func renderComparisonReport(_ input: ComparisonReportInput) -> String {
    let csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    let sections: [Markup] = input.sections.map { section in
        let chart = RateChart(title: "Converged, \(section.detector) detector", rates: section.rates).svg()
        let survival = SurvivalChart(title: "Time to loop, \(section.detector) detector", curves: section.survival, lastTurn: section.lastTurn).svg()
        let paired: Markup =
            section.pairedRows.isEmpty
            ? .empty
            : """
            <h3>Paired tests</h3>\(table(["pair", "pairs", "first only", "second only", "McNemar p", "Holm p", "onset Wilcoxon p", "Holm p"], section.pairedRows))
            """
        let regression: Markup =
            section.regressionNote.map { note in
                "<h3>Logistic regression</h3><p>\(note)</p>\(table(["term", "log-odds", "SE", "z", "p"], section.regressionRows))"
            } ?? .empty
        return """
            <section class="panel" style="display:block">
            <h2>\(section.detector) detector</h2>
            <figure>\(Markup(trusted: chart))</figure>
            <figure>\(Markup(trusted: survival))</figure>
            <h3>Onsets</h3>\(table(["condition", "onsets", "median", "IQR", "Kaplan–Meier median"], section.onsetRows))
            <h3>Pairwise tests</h3>\(table(["pair", "rate difference", "Fisher p", "Holm p", "log-rank p", "Holm p", "Mann–Whitney p (converged only)", "Holm p"], section.pairRows))
            \(paired)\(regression)
            </section>
            """
    }
    let warnings: [Markup] = input.warnings.map { "<p class=\"sub\"><strong>Warning:</strong> \($0)</p>" }
    let persistence: Markup =
        input.persistenceRows.isEmpty
        ? ""
        : """
        <section><h2>Persistence: do branched loops escape?</h2>
        \(table(ComparisonReportInput.persistenceHeader, input.persistenceRows))
        </section>
        """
    let page: Markup = """
        \(pageHead(title: "converge comparison: \(input.title)", csp: csp))
        <body>
        <header><h1>\(input.title)</h1><p class="sub">\(input.design)</p>\(warnings)<p class="sub">\(input.method)</p></header>
        <main>\(sections)\(persistence)</main>
        </body>
        </html>

        """
    return page.rendered
}

/// Writes `directory/comparison.html` atomically.
/// - Returns: the file written.
/// - Throws: `ReportError` when the file cannot be written.
@discardableResult
public func writeComparisonReport(_ input: ComparisonReportInput, to directory: URL) throws(ReportError) -> URL {
    let url = directory.appendingPathComponent("comparison.html")
    try writeAtomically(Data(renderComparisonReport(input).utf8), to: url)
    return url
}

/// A table of text cells; every cell is escaped.
func table(_ header: [String], _ rows: [[String]]) -> Markup {
    guard !rows.isEmpty else { return "<p>None.</p>" }
    let head: [Markup] = header.map { "<th>\($0)</th>" }
    let body: [Markup] = rows.map { row in
        let cells: [Markup] = row.map { "<td>\($0)</td>" }
        return "<tr>\(cells)</tr>"
    }
    return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
}
