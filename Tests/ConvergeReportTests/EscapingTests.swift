import ConvergeCore
import ConvergeDetection
import ConvergeStatistics
import Testing

@testable import ConvergeReport

@Suite("Escaping")
struct EscapingTests {
    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<b>", "&lt;b&gt;"),
        (#"say "hi""#, "say &quot;hi&quot;"),
        ("it's", "it&#39;s"),
        ("&amp;", "&amp;amp;"),
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("nul\u{0}bell\u{7}esc\u{1B}", "nul\u{FFFD}bell\u{FFFD}esc\u{FFFD}"),
        ("del\u{7F}c1\u{85}bad\u{FFFE}", "del\u{FFFD}c1\u{FFFD}bad\u{FFFD}"),
        ("naïve 日本 🙂", "naïve 日本 🙂"),
    ])
    func escapesEveryDangerousCharacter(raw: String, escaped: String) {
        #expect(escapeHTML(raw) == escaped)
    }

    @Test func markupInterpolationEscapesStringsButNotMarkup() {
        let text = "<i>"
        let inner: Markup = "<b>\(text)</b>"
        let outer: Markup = "<p title=\"\(text)\">\(inner)</p>"
        #expect(outer.rendered == #"<p title="&lt;i&gt;"><b>&lt;i&gt;</b></p>"#)
    }

    @Test func reportShowsPayloadsOnlyEscaped() {
        let html = renderReport(SampleReport.input())
        expectOnlyEscaped(html, where: "report.html")
    }

    @Test func everyReportChartShowsPayloadsOnlyEscaped() {
        let charts = reportCharts(SampleReport.input())
        #expect(charts.count >= 6)
        for chart in charts {
            expectOnlyEscaped(chart.svg, where: chart.name, requireEscapedForm: false)
        }
        // Charts that carry model or seed text must carry it escaped, not drop it.
        for name in ["tsne-map", "time-to-loop", "conversation-1-metrics", "conversation-1-similarity"] {
            let svg = charts.first { $0.name == name }?.svg ?? ""
            #expect(svg.contains(Payload.all[0].escaped), "\(name) lacks the escaped seed text")
        }
    }

    /// Each chart kind escapes whatever text it is given as labels.
    @Test func everyChartKindEscapesItsLabels() {
        let p = Payload.combined
        let series = [LineSeries(label: p, values: [0.9, 0.5, nil, 0.1], threshold: 0.3)]
        let onsets = VerdictOutcome(verdict: .dominantLoop, verdicts: [3, 3, 5, nil, nil, nil].map { ConvergenceVerdict(onset: $0) })
        let svgs = [
            LineChart(title: p, subtitle: p, yTitle: p, series: series, onsets: [TurnMarker(turn: 2, label: p)]).svg(),
            BandChart(title: p, subtitle: p, yTitle: p, series: [BandSeries(label: p, mean: [0.5, 0.4], low: [0.4, 0.3], high: [0.6, 0.5])]).svg(),
            RateChart(title: p, subtitle: p, rates: [RateEstimate(label: p, rate: ConvergenceRate(converged: 3, total: 5))]).svg(),
            OnsetHistogram(title: p, groups: [OnsetGroup(label: p, outcome: onsets)], turnCount: 8).svg(),
            TSNEMapChart(
                title: p, subtitle: p,
                points: [
                    TSNEPoint(x: 0, y: 0, conversation: 1, turn: 0, agent: nil, isSeed: true, label: p),
                    TSNEPoint(x: 1, y: 2, conversation: 1, turn: 1, agent: .a, isSeed: false, label: p),
                ]
            ).svg(),
            HeatmapChart(title: p, subtitle: p, matrix: SimilarityMatrix(label: p, values: [[1, 0.5], [0.5, 1]]), onsets: [TurnMarker(turn: 2, label: p)])
                .svg(),
        ]
        for (index, svg) in svgs.enumerated() {
            expectOnlyEscaped(svg, where: "chart kind \(index)")
        }
    }

    private func expectOnlyEscaped(
        _ document: String, where place: String, requireEscapedForm: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (raw, escaped) in Payload.all {
            // "&amp;" is also what escaping a plain "&" produces, so only its escaped form is telling.
            if raw != "&amp;" {
                #expect(!document.contains(raw), "raw payload \(raw) in \(place)", sourceLocation: sourceLocation)
            }
            if requireEscapedForm {
                #expect(document.contains(escaped), "escaped \(escaped) missing from \(place)", sourceLocation: sourceLocation)
            }
        }
        #expect(!document.contains("<img"), "an img element in \(place)", sourceLocation: sourceLocation)
    }
}
