import ConvergeCore
import ConvergeDetection
import ConvergeStatistics
import Foundation
import Testing

@testable import ConvergeReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Fails the parse on the first error and remembers the root element and its namespace.
private final class RootCollector: NSObject, XMLParserDelegate {
    var root: String?
    var namespace: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = name
            namespace = attributes["xmlns"]
        }
    }
}

/// Parses `svg` as standalone XML; returns the error description, or nil when it is well-formed SVG.
func xmlProblem(_ svg: String) -> String? {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = RootCollector()
    parser.delegate = collector
    guard parser.parse() else { return "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")" }
    guard collector.root == "svg" else { return "root is \(collector.root ?? "none")" }
    guard collector.namespace == "http://www.w3.org/2000/svg" else { return "missing SVG namespace" }
    return nil
}

@Suite("SVG documents")
struct SVGTests {
    @Test func everyReportChartIsWellFormedSVG() {
        for chart in reportCharts(SampleReport.input()) {
            #expect(xmlProblem(chart.svg) == nil, "\(chart.name): \(xmlProblem(chart.svg) ?? "")")
            #expect(!chart.svg.contains("NaN") && !chart.svg.contains("inf"), "\(chart.name) has a non-finite number")
        }
    }

    /// Degenerate data (nothing, one point, flat values, gaps) still gives valid SVG.
    @Test func degenerateInputsStillGiveValidSVG() {
        let svgs = [
            LineChart(title: "empty", series: []).svg(),
            LineChart(title: "flat", series: [LineSeries(label: "x", values: [0.4, 0.4, 0.4])]).svg(),
            LineChart(title: "gaps", series: [LineSeries(label: "x", values: [nil, nil, 0.2, nil])]).svg(),
            BandChart(title: "empty", series: []).svg(),
            BandChart(title: "all nil", series: [BandSeries(label: "x", mean: [nil], low: [nil], high: [nil])]).svg(),
            RateChart(title: "none", rates: []).svg(),
            RateChart(title: "zero", rates: [RateEstimate(label: "x", rate: ConvergenceRate(converged: 0, total: 0))]).svg(),
            OnsetHistogram(title: "none", groups: [OnsetGroup(label: "x", outcome: VerdictOutcome(verdict: .dominantLoop, verdicts: []))], turnCount: 0).svg(),
            TSNEMapChart(title: "empty", points: []).svg(),
            TSNEMapChart(title: "one", points: [TSNEPoint(x: 3, y: 3, conversation: 1, turn: 1, agent: .a, isSeed: false)]).svg(),
            HeatmapChart(title: "empty", matrix: SimilarityMatrix(label: "s", values: [])).svg(),
            HeatmapChart(title: "point", matrix: SimilarityMatrix(label: "s", values: [[1]], domain: 1...1)).svg(),
        ]
        for (index, svg) in svgs.enumerated() {
            #expect(xmlProblem(svg) == nil, "case \(index): \(xmlProblem(svg) ?? "")")
            #expect(!svg.contains("NaN"), "case \(index) has NaN")
        }
    }

    @Test func controlCharactersInModelTextKeepSVGWellFormed() {
        let text = "bell\u{7} nul\u{0} esc\u{1B}[0m"
        let svg = TSNEMapChart(title: text, points: [TSNEPoint(x: 0, y: 0, conversation: 1, turn: 1, agent: .a, isSeed: false, label: text)]).svg()
        #expect(xmlProblem(svg) == nil)
    }

    @Test func chartsUseTheColourBlindSafePalette() {
        let svg = LineChart(title: "t", series: [LineSeries(label: "a", values: [0.1]), LineSeries(label: "b", values: [0.2])]).svg()
        #expect(svg.contains(Palette.categorical[0]) && svg.contains(Palette.categorical[1]))
        #expect(Palette.viridis(0) == "#440154" && Palette.viridis(1) == "#FDE725")
    }
}
