import Foundation
import Testing

@testable import ConvergeReport

/// Renders the sample report (payloads included) in real headless Chromium through
/// `scripts/check_report_browser.sh`, then checks the live DOM. Needs `apt-get install -y chromium`;
/// set CONVERGE_SKIP_BROWSER_CHECK=1 to skip on a machine without it. Artefacts stay in
/// `.build-artifacts/` (git-ignored): report.html, report.png, dom.html, console.log.
@Suite("Headless browser", .serialized, .tags(.browser))
struct BrowserTests {
    static let enabled = ProcessInfo.processInfo.environment["CONVERGE_SKIP_BROWSER_CHECK"] != "1"

    /// The repository root, found from this file even when the test folder is reached through a symlink.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(4)))
    func reportRendersCleanlyInChromium() throws {
        let artifacts = Self.repositoryRoot.appendingPathComponent(".build-artifacts")
        let reportURL = try writeReport(SampleReport.input(), to: artifacts)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "bash", Self.repositoryRoot.appendingPathComponent("scripts/check_report_browser.sh").path,
            reportURL.path, artifacts.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 2 {
            Issue.record("chromium is not installed. Install it with: apt-get install -y chromium  (or set CONVERGE_SKIP_BROWSER_CHECK=1)\n\(log)")
            return
        }
        #expect(process.terminationStatus == 0, "browser check failed:\n\(log)")

        let dom = try String(contentsOf: artifacts.appendingPathComponent("dom.html"), encoding: .utf8)
        // Chromium serialises text nodes with &, <, > escaped and quotes as they are, so the payloads
        // must come back exactly once-escaped: not as elements, and not double-escaped.
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(dom.contains("&lt;/textarea&gt;"))
        #expect(dom.contains("&amp;amp;") && !dom.contains("&amp;amp;amp;"))
        #expect(dom.contains("it's 'quoted'"))
        #expect(!dom.contains("<img"))
        #expect(dom.components(separatedBy: "<script").count == 2)
        #expect(dom.contains(#"class="js""#), "tabs script did not run")
        // The Kaplan–Meier chart is in the live page with one band and one step line per verdict.
        let survival = try #require(dom.components(separatedBy: #"id="plot-time-to-loop""#).dropFirst().first)
        let figure = try #require(survival.components(separatedBy: "</figure>").first)
        #expect(figure.components(separatedBy: "<polygon").count == 3 && figure.contains("Time to loop, per verdict"))
    }
}
