import Foundation
import Testing

/// `converge branch` on the shared quick run: provenance, a text-for-text replay at unchanged
/// settings, changed settings after the branch turn only, and bad input as one line.
extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(8))) struct BranchCommandTests {
        private func branch(_ parent: URL, _ extra: [String]) async throws -> (URL, ConvergeResult) {
            let out = try temporaryDirectory("branch")
            try FileManager.default.removeItem(at: out)
            let result = try await converge(["branch", parent.path, "--threads", "1", "--out", out.path] + extra)
            return (out, result)
        }

        @Test func unchangedSettingsReplayTheParentTextForText() async throws {
            let parent = try await QuickRun.reference.value
            let (out, result) = try await branch(parent, ["--conversation", "1", "--from-turn", "2"])
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(result.status == 0, "\(result.stderr)")
            let original = try await QuickRun.referenceLines().filter { $0.conversation == 1 }.sorted { $0.turn < $1.turn }
            let branched = try Transcript.read(out).sorted { $0.turn < $1.turn }
            #expect(branched.map(\.turn) == Array(1...QuickRun.turns))
            #expect(branched.map(\.text) == original.map(\.text))
            #expect(branched.allSatisfy { $0.conversation == 0 && $0.seedIndex == original[0].seedIndex && $0.replicate == original[0].replicate })

            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
            let branch = try #require(manifest["branch"] as? [String: Any])
            #expect(branch["parent"] as? String == parent.standardizedFileURL.path)
            #expect(branch["from_turn"] as? Int == 2)
            let origins = try #require(branch["origins"] as? [[String: Any]])
            #expect(origins.count == 1 && origins[0]["conversation"] as? Int == 1)
            #expect(origins[0]["seed_index"] as? Int == original[0].seedIndex && origins[0]["replicate"] as? Int == original[0].replicate)
            let configuration = try #require(manifest["configuration"] as? [String: Any])
            #expect(configuration["turns"] as? Int == QuickRun.turns && configuration["replicates"] as? Int == 1)

            let analyze = try await converge(["analyze", out.path, "--threads", "1", "--no-tsne"])
            #expect(analyze.status == 0, "\(analyze.stderr)")
        }

        @Test func changedSettingsApplyAfterTheBranchTurnOnly() async throws {
            let parent = try await QuickRun.reference.value
            let (out, result) = try await branch(
                parent, ["--conversation", "0", "--from-turn", "1", "--replicates", "2", "--temperature", "1.5", "--turns", "5"])
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(result.status == 0, "\(result.stderr)")
            let original = try await QuickRun.referenceLines().filter { $0.conversation == 0 }.sorted { $0.turn < $1.turn }
            let lines = try Transcript.read(out)
            #expect(Set(lines.map(\.conversation)) == [0, 1])
            for conversation in [0, 1] {
                let turns = lines.filter { $0.conversation == conversation }.sorted { $0.turn < $1.turn }
                #expect(turns.map(\.turn) == Array(1...5))
                #expect(turns.first?.text == original[0].text)
                #expect(turns.allSatisfy { $0.replicate == original[0].replicate + conversation })
            }
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
            let sampler = try #require((manifest["configuration"] as? [String: Any])?["sampler"] as? [String: Any])
            #expect(sampler["temperature"] as? Double == 1.5)
        }

        @Test func injectedTextIsWhatTheFirstBranchTurnContinues() async throws {
            let parent = try await QuickRun.reference.value
            let text = "The lighthouse keeper counted the ships that never came."
            let (out, result) = try await branch(parent, ["--conversation", "0", "--from-turn", "2", "--inject", text])
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(result.status == 0, "\(result.stderr)")
            let original = try await QuickRun.referenceLines().filter { $0.conversation == 0 }.sorted { $0.turn < $1.turn }
            let branched = try Transcript.read(out).sorted { $0.turn < $1.turn }
            #expect(branched.prefix(2).map(\.text) == original.prefix(2).map(\.text))
            #expect(branched[2].text != original[2].text)
            let raw = try String(contentsOf: out.appendingPathComponent("transcript.jsonl"), encoding: .utf8).split(separator: "\n")
            let interventions = try raw.map { line in
                (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["intervention"] as? [String: String]
            }
            #expect(interventions.compactMap { $0 } == [["action": "inject_seed", "detail": text]])
            let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
            let policy = try #require((manifest["configuration"] as? [String: Any])?["intervention"] as? [String: Any])
            #expect(policy["trigger"] as? String == "branch" && policy["seed_pool"] as? [String] == [text])
        }

        /// A branch killed at any point, even before its transcript existed, resumes with
        /// `converge run --resume` to the text of the uninterrupted branch.
        @Test func aBranchResumesToTheUninterruptedText() async throws {
            let parent = try await QuickRun.reference.value
            let (whole, result) = try await branch(
                parent, ["--conversation", "1", "--conversation", "0", "--from-turn", "1", "--replicates", "2", "--temperature", "1.2"])
            defer { try? FileManager.default.removeItem(at: whole) }
            #expect(result.status == 0, "\(result.stderr)")
            let expected = try Transcript.read(whole)
            #expect(expected.count == 2 * 2 * QuickRun.turns)
            let transcript = try String(contentsOf: whole.appendingPathComponent("transcript.jsonl"), encoding: .utf8)
            // Replayed turns only, then nothing at all: run.json alone.
            for kept in [4, 0] {
                let copy = try temporaryDirectory("branch-resume")
                defer { try? FileManager.default.removeItem(at: copy) }
                try FileManager.default.copyItem(at: whole.appendingPathComponent("run.json"), to: copy.appendingPathComponent("run.json"))
                if kept > 0 {
                    let lines = transcript.split(separator: "\n").prefix(kept).joined(separator: "\n") + "\n"
                    try lines.write(to: copy.appendingPathComponent("transcript.jsonl"), atomically: true, encoding: .utf8)
                }
                let resumed = try await converge(["run", "--out", copy.path, "--resume", "--threads", "1"])
                #expect(resumed.status == 0, "\(resumed.stderr)")
                let key = { (line: TranscriptLine) in [line.conversation, line.turn] }
                let lines = try Transcript.read(copy).sorted { key($0).lexicographicallyPrecedes(key($1)) }
                #expect(lines == expected.sorted { key($0).lexicographicallyPrecedes(key($1)) }, "resumed from \(kept) lines")
            }
        }

        @Test(arguments: [
            (["--conversation", "0", "--from-turn", "9"], "past the end"),
            (["--conversation", "0", "--from-turn=-1"], "past the end"),
            (["--conversation", "42", "--from-turn", "1"], "conversation 42 is not in"),
            (["--conversation", "0", "--from-turn", "4"], "nothing to generate"),
            (["--conversation", "0", "--conversation", "0", "--from-turn", "1"], "name each conversation to branch once"),
            (["--conversation", "0", "--from-turn", "1", "--inject", " "], "--inject needs a non-empty text"),
        ])
        func badInputIsOneLine(arguments: [String], fragment: String) async throws {
            let parent = try await QuickRun.reference.value
            let (out, result) = try await branch(parent, arguments)
            #expect(result.status == 64)
            #expect(result.stderrLines.count == 1 && result.stderr.contains(fragment), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }

        @Test func missingRunIsOneLine() async throws {
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("converge-no-run-\(UUID())")
            let (_, result) = try await branch(missing, ["--conversation", "0", "--from-turn", "1"])
            #expect(result.status == 74)
            #expect(result.stderrLines.count == 1 && result.stderr.contains("does not exist"), "\(result.stderr)")
        }
    }
}
