import Foundation
import Testing

@testable import ConvergeView

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A directory of runs written by hand (no model needed) and a viewer serving it on a free port.
enum ViewerHarness {
    static let payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>"

    /// One transcript line in the `converge run` format.
    static func line(conversation: Int, turn: Int, text: String) -> String {
        let record: [String: Any] = [
            "conversation": conversation, "seed_index": conversation, "replicate": 0, "turn": turn,
            "agent": turn % 2 == 1 ? "A" : "B", "model": "fake", "text": text, "prompt_tokens": 3, "tokens": 5,
            "finish_reason": "length", "seed": "seed " + payload,
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: record), as: UTF8.self) + "\n"
    }

    /// `root/NAME/transcript.jsonl` with `turns` turns of one conversation.
    static func writeRun(_ name: String, in root: URL, turns: Int) throws -> URL {
        let run = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let text = (1...turns).map { line(conversation: 0, turn: $0, text: "turn \($0) says \(payload) again and again") }.joined()
        try Data(text.utf8).write(to: run.appendingPathComponent("transcript.jsonl"))
        return run
    }

    static func temporaryRoot() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-view-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Serves `root` for the length of `body`.
    static func serving<T: Sendable>(_ root: URL, _ body: (URL) async throws -> T) async throws -> T {
        let (stream, continuation) = AsyncStream.makeStream(of: URL.self)
        let server = Task {
            try await ViewServer(root: root, port: 0).run(handleSignals: false) { continuation.yield($0) }
        }
        defer { server.cancel() }
        var iterator = stream.makeAsyncIterator()
        let base = try #require(await iterator.next())
        return try await body(base)
    }

    static func get(_ url: URL) async throws -> (body: String, response: HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return (String(decoding: data, as: UTF8.self), try #require(response as? HTTPURLResponse))
    }
}
