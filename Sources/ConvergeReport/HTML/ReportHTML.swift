/// Renders the whole report as one self-contained HTML page.
///
/// Styles, charts (inline SVG) and the small tab script are all inside the file; a
/// Content-Security-Policy forbids every fetch, so the page works offline and leaks nothing.
/// Every text from `input` is escaped.
/// - Parameter input: the run's data.
/// - Returns: the complete `report.html` text.
public func renderReport(_ input: ReportInput) -> String {
    let charts = runCharts(input)
    let csp =
        "default-src 'none'; style-src 'unsafe-inline'; script-src \(ReportScript.cspHash); "
        + "img-src data:; base-uri 'none'; form-action 'none'"
    let page: Markup = """
        \(pageHead(title: "converge report: \(input.title)", csp: csp))
        <body>
        <header>
        <h1>\(input.title)</h1>
        <p class="sub">converge report: \(input.conversations.count) conversations</p>
        <nav role="tablist">\
        <button type="button" role="tab" data-tab="overview">Overview</button>\
        <button type="button" role="tab" data-tab="plots">Plots</button>\
        <button type="button" role="tab" data-tab="conversations">Conversations</button>\
        </nav>
        </header>
        <main>
        <section class="panel" id="overview">\(overviewSection(input))</section>
        <section class="panel" id="plots">\(plotsSection(charts))</section>
        <section class="panel" id="conversations">\(conversationsSection(input))</section>
        </main>
        <script>\(Markup(trusted: ReportScript.source))</script>
        </body>
        </html>

        """
    return page.rendered
}

/// The run-wide charts, each in a figure.
private func plotsSection(_ charts: [NamedChart]) -> Markup {
    guard !charts.isEmpty else { return "<h2>Plots</h2><p>No data to plot.</p>" }
    let figures: [Markup] = charts.map { #"<figure id="plot-\#($0.name)">\#(Markup(trusted: $0.svg))</figure>"# }
    return #"<h2>Plots</h2><div class="plots">\#(figures)</div>"#
}
