import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The server-rendered pages and the live endpoint over plain HTTP, on runs written by hand.
@Suite("converge view over HTTP", .serialized, .timeLimit(.minutes(2)))
struct ViewerHTTPTests {
    @Test func indexListsEveryRunWithALinkAndSecurityHeaders() async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ViewerHarness.writeRun("alpha-run", in: root, turns: 2)
        _ = try ViewerHarness.writeRun("beta run", in: root, turns: 3)
        try await ViewerHarness.serving(root) { base in
            let (html, response) = try await ViewerHarness.get(base)
            #expect(response.statusCode == 200)
            #expect(html.contains(#"href="/run/alpha-run""#))
            #expect(html.contains(#"href="/run/beta%20run""#))
            #expect(html.contains(">3<") || html.contains(">3</td>"))
            let csp = try #require(response.value(forHTTPHeaderField: "Content-Security-Policy"))
            #expect(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"))
            #expect(!html.contains("http://") && !html.contains("https://"), "a page must not name another origin")
        }
    }

    @Test func modelTextStaysInertInTheRunPageAndTheJSON() async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try ViewerHarness.writeRun("xss", in: root, turns: 3)
        try await ViewerHarness.serving(root) { base in
            let (html, _) = try await ViewerHarness.get(base.appendingPathComponent("run/xss"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<img"))
            #expect(html.components(separatedBy: "<script").count == 2, "only the viewer's own script tag")
            #expect(html.contains("<svg"), "the run page draws its charts")
            let (json, response) = try await ViewerHarness.get(try #require(URL(string: base.absoluteString + "api/turns?run=xss&after=0")))
            #expect(response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/json") == true)
            #expect(!json.contains("<") && json.contains("\\u003cscript>"))
        }
    }

    @Test func liveEndpointReturnsATurnAppendedAfterThePageWasServed() async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ViewerHarness.writeRun("growing", in: root, turns: 2)
        try await ViewerHarness.serving(root) { base in
            let endpoint = try #require(URL(string: base.absoluteString + "api/turns?run=growing&after=2"))
            #expect(try await ViewerHarness.get(endpoint).body.contains(#""turns":[]"#))
            let handle = try FileHandle(forWritingTo: run.appendingPathComponent("transcript.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(ViewerHarness.line(conversation: 0, turn: 3, text: "a brand new turn").utf8))
            try handle.close()
            let after = try await ViewerHarness.get(endpoint).body
            #expect(after.contains("a brand new turn") && after.contains(#""turns_done":3"#))
        }
    }

    @Test(arguments: ["run/%2E%2E/etc", "run/%2E%2E", "run/.hidden", "run/missing"])
    func pathsOutsideTheRootAreNotFound(_ path: String) async throws {
        let root = try ViewerHarness.temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await ViewerHarness.serving(root) { base in
            let url = try #require(URL(string: base.absoluteString + path))
            let (_, response) = try await ViewerHarness.get(url)
            #expect(response.statusCode == 404)
            #expect(response.value(forHTTPHeaderField: "Content-Security-Policy") != nil)
        }
    }
}
