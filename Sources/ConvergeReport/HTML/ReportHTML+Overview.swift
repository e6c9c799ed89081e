import ConvergeDetection

/// Headline numbers, metric definitions, parameters and provenance.
func overviewSection(_ input: ReportInput) -> Markup {
    var parts: [Markup] = ["<h2>Headline</h2>"]
    if input.detectors.isEmpty {
        parts.append("<p>No convergence results.</p>")
    } else {
        parts.append(#"<div class="cards">\#(input.detectors.map(headlineCard))</div>"#)
    }
    parts.append(metricsBlock(input.metricDefinitions))
    parts.append("<h2>Parameters</h2>\(fieldTable(input.parameters))")
    parts.append("<h2>Provenance</h2>\(fieldTable(input.provenance))")
    if let runJSON = input.runJSON {
        parts.append("<details><summary><code>run.json</code> as recorded</summary><pre>\(runJSON)</pre></details>")
    }
    return parts.joined()
}

private func headlineCard(_ detector: VerdictOutcome) -> Markup {
    let onsets = detector.onsets.sorted().map(String.init).joined(separator: ", ")
    return """
        <div class="card"><div class="name">\(detector.verdict.rawValue) detector</div>\
        <div class="big">\(percent(detector.fraction))</div>\
        <div>\(detector.converged) of \(detector.total) conversations converged</div>\
        <div>Wilson 95% CI: \(percent(detector.ciLow)) – \(percent(detector.ciHigh))</div>\
        <div class="excerpt">\(detector.description)</div>\
        <div>Onset turns: \(onsets.isEmpty ? "none" : onsets)</div></div>
        """
}

private func metricsBlock(_ definitions: MetricDefinitions) -> Markup {
    var parts: [Markup] = ["<h2>Metric definitions</h2>"]
    if let link = definitions.link {
        // Only relative links become anchors: the report must never send the reader, or a fetch, off the file.
        let anchor: Markup = isRelativeLink(link) ? #"<a href="\#(link)">\#(link)</a>"# : "<code>\(link)</code>"
        parts.append("<p>Definitions: \(anchor)</p>")
    }
    if !definitions.text.isEmpty { parts.append("<pre>\(definitions.text)</pre>") }
    if !definitions.signatures.isEmpty {
        let rows: [Markup] = definitions.signatures.map { "<tr><th>\($0.key)</th><td><code>\($0.value)</code></td></tr>" }
        parts.append("<h3>Signatures</h3><table>\(rows)</table>")
    }
    return parts.joined()
}

private func fieldTable(_ fields: [ReportField]) -> Markup {
    guard !fields.isEmpty else { return "<p>Not recorded.</p>" }
    let rows: [Markup] = fields.map { "<tr><th>\($0.key)</th><td>\($0.value)</td></tr>" }
    return "<table>\(rows)</table>"
}

/// True for a path without a scheme (`docs/METRICS.md`, `#section`); false for `https:`, `javascript:`,
/// `//host` and the like.
func isRelativeLink(_ link: String) -> Bool {
    if link.hasPrefix("//") || link.hasPrefix("\\") { return false }
    guard let colon = link.firstIndex(of: ":") else { return true }
    return link[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
}
