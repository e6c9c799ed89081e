public import Foundation

/// The atlas page's policy: inline styles (each chart's SVG carries its own), data images, nothing else.
public let atlasContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/// Renders the attractor atlas as one self-contained page in the report's style: no script, no
/// fetch, and every piece of model text escaped through `Markup`.
/// - Parameter input: the atlas.
/// - Returns: the complete `atlas.html` text.
public func renderAtlasReport(_ input: AtlasReportInput) -> String {
    let csp = atlasContentSecurityPolicy
    let map: Markup =
        input.points.isEmpty
        ? "<p>Too few spans for a map.</p>"
        : "<figure>\(Markup(trusted: AtlasMapChart(points: input.points, clusterNames: input.clusters.map(\.name)).svg()))</figure>"
    let clusters: [Markup] = input.clusters.enumerated().map { index, cluster in
        let excerpts: [Markup] = cluster.excerpts.map { "<h4>\($0.label)</h4><pre>\($0.text)</pre>" }
        return """
            <section class="panel" style="display:block">
            <h2>\(index + 1). \(cluster.name)</h2>
            <p class="sub">\(cluster.form), \(cluster.size) span\(cluster.size == 1 ? "" : "s")</p>
            \(table(["run or model pair"] + input.verdicts, cluster.sizeRows))
            <h3>Typical spans</h3>\(excerpts)
            </section>
            """
    }
    let page: Markup = """
        \(pageHead(title: "converge atlas: \(input.title)", csp: csp))
        <body>
        <header><h1>Attractor atlas: \(input.title)</h1><p class="sub">\(input.method)</p></header>
        <main>
        <h2>Runs</h2>\(table(["run", "model pairs", "conversations"] + input.verdicts, input.runRows))
        <h2>Map</h2>\(map)
        \(clusters)
        </main>
        </body>
        </html>

        """
    return page.rendered
}

/// Writes `directory/atlas.html` atomically.
/// - Returns: the file written.
/// - Throws: `ReportError` when the file cannot be written.
@discardableResult
public func writeAtlasReport(_ input: AtlasReportInput, to directory: URL) throws(ReportError) -> URL {
    let url = directory.appendingPathComponent("atlas.html")
    try writeAtomically(Data(renderAtlasReport(input).utf8), to: url)
    return url
}
