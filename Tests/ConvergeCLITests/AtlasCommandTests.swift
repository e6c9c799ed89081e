import Foundation
import Testing

/// `converge atlas` end to end on a constructed transcript: the same runs give byte-identical
/// `atlas.json` whatever `--out` is, model text reaches `atlas.html` only escaped, and a missing
/// run is one line and a non-zero exit.
extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(6))) struct AtlasCommandTests {
        private static let marker = "<script>alert(1)</script>"

        /// Three looping conversations of another tool's format (a `seed` on each row): verbatim
        /// repetition, a period-2 cycle and a numbered list.
        private func writeRun() throws -> URL {
            let directory = try temporaryDirectory("atlas-run")
            let loops: [(String, [String])] = [
                ("verbatim", [Self.marker + " the tide comes in and the tide goes out and the tide comes in again"]),
                ("cycle", ["Are you there? I am asking because nobody answers me here.", "I am sorry, I cannot answer that question for you now."]),
                ("list", ["Steps:\n1. open the door\n2. walk in\n3. sit down", "1. stand up 2. walk out 3. close the door"]),
            ]
            var lines: [String] = []
            for (id, texts) in loops {
                let turns = ["A quiet morning in the village.", "Birds sang while bakers lit their ovens."] + (0..<8).map { texts[$0 % texts.count] }
                for (index, text) in turns.enumerated() {
                    let row: [String: Any] = [
                        "conversation": id, "seed_index": 0, "replicate": 0, "turn": index + 1, "agent": index % 2 == 0 ? "A" : "B",
                        "model": index % 2 == 0 ? "alpha" : "beta", "text": text, "prompt_tokens": 1, "tokens": 1,
                        "finish_reason": "length", "seed": "Once upon a time.",
                    ]
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: row, options: .sortedKeys), as: UTF8.self))
                }
            }
            try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("transcript.jsonl"), atomically: true, encoding: .utf8)
            return directory
        }

        @Test func sameRunsSameBytesAndEscapedText() async throws {
            let run = try writeRun()
            let outs = [try temporaryDirectory("atlas-a"), try temporaryDirectory("atlas-b").appendingPathComponent("nested")]
            defer { ([run] + outs).forEach { try? FileManager.default.removeItem(at: $0) } }
            for out in outs {
                let result = try await converge(["atlas", run.path, "--out", out.path, "--threads", "1"])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stderrLines.contains { $0.hasPrefix("converge: atlas: run 1/1 ") && $0.contains("turns embedded") }, "\(result.stderr)")
            }
            let json = try outs.map { try Data(contentsOf: $0.appendingPathComponent("atlas.json")) }
            #expect(json[0] == json[1])
            let object = try #require(try JSONSerialization.jsonObject(with: json[0]) as? [String: Any])
            let clusters = try #require(object["clusters"] as? [[String: Any]])
            #expect(!clusters.isEmpty && clusters.allSatisfy { ($0["name"] as? String)?.isEmpty == false })
            let forms = Set(try #require(object["spans"] as? [[String: Any]]).compactMap { $0["form"] as? String })
            #expect(forms.isSuperset(of: ["verbatim_repetition", "period_2_cycle", "list_scaffold"]), "\(forms)")
            let text = String(decoding: json[0], as: UTF8.self)
            #expect(!text.contains(outs[0].path) && !text.contains(outs[1].path))
            let html = try String(contentsOf: outs[0].appendingPathComponent("atlas.html"), encoding: .utf8)
            #expect(html.contains("Content-Security-Policy"))
            #expect(!html.contains(Self.marker) && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }

        @Test func missingRunIsOneLine() async throws {
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("converge-no-such-run-\(UUID())")
            let result = try await converge(["atlas", missing.path])
            #expect(result.status == 74)
            #expect(result.stderrLines.count == 1 && result.stderr.contains(missing.path), "\(result.stderr)")
        }
    }
}
