import Foundation
import Testing

extension CLIRuns {
    /// The JSON Lines filters (`score`, `embed`, `tsne`) refuse a bad row in one line naming it.
    @Suite(.serialized, .timeLimit(.minutes(3))) struct FilterInputTests {
        private func run(_ arguments: [String], input: String) async throws -> ConvergeResult {
            let directory = try temporaryDirectory("filter")
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("in.jsonl")
            try input.write(to: file, atomically: true, encoding: .utf8)
            return try await converge(arguments + [file.path])
        }

        @Test(arguments: [
            (["score", "--threads", "1"], "{\"a\":\"x\",\"b\":\"y\"}\n{\"a\":\"only a\"}\n", "row 2"),
            (["score", "--threads", "1"], "{\"b\":\"only b\"}\n", "row 1"),
            (["score", "--threads", "1"], "{\"a\":\"x\",\"b\":\"y\"}\nnot json\n", "line 2"),
            (["embed", "--threads", "1"], "{\"text\":\"fine\"}\n{\"text\":3}\n", "row 2"),
        ])
        func badRowIsNamedInOneLine(arguments: [String], input: String, fragment: String) async throws {
            let result = try await run(arguments, input: input)
            #expect(result.reason == .exit && result.status == 64, "\(result.status) \(result.stderr)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains(fragment), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }

        @Test func tsneNamesTheBadLineAndExits64() async throws {
            let directory = try temporaryDirectory("filter")
            defer { try? FileManager.default.removeItem(at: directory) }
            let input = directory.appendingPathComponent("in.jsonl")
            let output = directory.appendingPathComponent("out.csv")
            try "{\"embedding\":[1,2]}\n{\"embedding\":\"no\"}\n{\"embedding\":[3,4]}\n".write(to: input, atomically: true, encoding: .utf8)
            let result = try await converge(["tsne", "--input", input.path, "--output", output.path])
            #expect(result.reason == .exit && result.status == 64, "\(result.status) \(result.stderr)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("line 2"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
