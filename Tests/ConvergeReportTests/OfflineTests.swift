import Foundation
import Testing

@testable import ConvergeReport

@Suite("Self-contained page")
struct OfflineTests {
    @Test func noResourceOrLinkPointsOffTheFile() throws {
        let html = renderReport(SampleReport.input())
        let pattern = try Regex(#"(?i)(src|href|xlink:href|action)\s*=\s*["']?\s*(https?:|//|javascript:)"#)
        #expect(html.firstMatch(of: pattern) == nil)
        // Absolute addresses in the input survive as plain text.
        #expect(html.contains("https://example.invalid/not-a-link"))
        #expect(html.contains(#"<a href="docs/METRICS.md">"#))
        for chart in reportCharts(SampleReport.input()) {
            #expect(chart.svg.firstMatch(of: pattern) == nil, "\(chart.name) links out")
        }
    }

    @Test func contentSecurityPolicyForbidsFetchesAndAllowsOnlyOurScript() {
        let html = renderReport(SampleReport.input())
        #expect(html.contains("default-src &#39;none&#39;"))
        #expect(html.contains("script-src " + escapeHTML(ReportScript.cspHash)))
        #expect(html.components(separatedBy: "<script").count == 2, "exactly one script element")
    }

    @Test func scriptNeverInsertsMarkup() {
        for api in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("] {
            #expect(!ReportScript.source.contains(api), "script uses \(api)")
        }
    }

    @Test(arguments: [
        ("docs/METRICS.md", true), ("#overview", true), ("../METRICS.md", true), ("a/b:c", true),
        ("https://x.org", false), ("HTTP://x", false), ("javascript:alert(1)", false), ("//host/x", false),
        ("data:text/html,x", false),
    ])
    func onlyRelativeLinksBecomeAnchors(link: String, relative: Bool) {
        #expect(isRelativeLink(link) == relative)
    }

    @Test func writerReplacesTheReportAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try writeReport(SampleReport.input(conversations: 2), to: directory.appendingPathComponent("run"))
        #expect(url.lastPathComponent == "report.html")
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written == renderReport(SampleReport.input(conversations: 2)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == ["report.html"])
    }
}
