import Foundation
import Testing

extension CLIRuns {
    /// An experiment's branch conditions with the real models: they branch exactly the parent's
    /// conversations looping at the branch turn, replay them text for text, push them, and
    /// `converge compare` reports their escape share.
    @Suite(.serialized, .timeLimit(.minutes(8))) struct PersistenceExperimentTests {
        /// Greedy decoding with 24 tokens a turn loops early; at turn 4 the calibrated detector
        /// finds seeds 0 and 3 looping (checked below through `converge analyze`, not assumed).
        static let file = """
            name: persistence-test
            preset: quick
            seed_count: 4
            base: {turns: 6, max_tokens: 24, sampler: {temperature: 0}}
            conditions:
              - name: control
              - name: hot
                branch: {from: control, looping_at_turn: 4}
                sampler: {temperature: 1.0}
                replicates: 2
              - name: inject
                branch: {from: control, looping_at_turn: 4}
                intervention: {action: inject_seed, trigger: branch}
            """

        private func json(_ url: URL) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        }

        @Test func branchConditionsPushTheLoopsAndCompareReportsTheirEscape() async throws {
            let directory = try temporaryDirectory("persistence")
            defer { try? FileManager.default.removeItem(at: directory) }
            let yaml = directory.appendingPathComponent("persistence.yaml")
            try Self.file.write(to: yaml, atomically: true, encoding: .utf8)
            let out = directory.appendingPathComponent("out")
            let result = try await converge(["experiment", yaml.path, "--out", out.path, "--threads", "1"], timeout: 360)
            #expect(result.status == 0, "\(result.stderr)")

            // Which parent conversations loop at turn 4, by `converge analyze` over their first 4 turns.
            let control = try Transcript.read(out.appendingPathComponent("control"))
            let prefix = directory.appendingPathComponent("prefix")
            try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: out.appendingPathComponent("control/run.json"), to: prefix.appendingPathComponent("run.json"))
            let lines = try String(contentsOf: out.appendingPathComponent("control/transcript.jsonl"), encoding: .utf8).split(separator: "\n")
            try (zip(lines, control).filter { $1.turn <= 4 }.map { String($0.0) }.joined(separator: "\n") + "\n")
                .write(to: prefix.appendingPathComponent("transcript.jsonl"), atomically: true, encoding: .utf8)
            let analyze = try await converge(["analyze", prefix.path, "--threads", "1", "--no-tsne"])
            #expect(analyze.status == 0, "\(analyze.stderr)")
            let summary = try json(prefix.appendingPathComponent("summary.json"))
            let looping = try #require(summary["conversations"] as? [[String: Any]]).compactMap { entry -> Int? in
                ((entry["looping_at_end"] as? [String: Any])?["converged"] as? Bool) == true ? entry["seed_index"] as? Int : nil
            }
            #expect(!looping.isEmpty, "nothing loops at turn 4; the test needs another setting")

            for (condition, replicates) in [("hot", 2), ("inject", 1)] {
                let run = out.appendingPathComponent(condition)
                let branch = try #require(try json(run.appendingPathComponent("run.json"))["branch"] as? [String: Any])
                let origins = try #require(branch["origins"] as? [[String: Any]])
                #expect(origins.compactMap { $0["seed_index"] as? Int } == looping.sorted())
                let lines = try Transcript.read(run)
                #expect(lines.count == looping.count * replicates * 6)
                for line in lines where line.turn <= 4 {
                    let parent = try #require(control.first { $0.seedIndex == line.seedIndex && $0.turn == line.turn })
                    #expect(line.text == parent.text, "\(condition) conversation \(line.conversation) turn \(line.turn)")
                }
            }

            let compare = try await converge(["compare", out.path, "--control", "control", "--escape-within", "2", "--threads", "1"])
            #expect(compare.status == 0, "\(compare.stderr)")
            #expect(compare.stdout.contains("Persistence"))
            let rows = try String(contentsOf: out.appendingPathComponent("persistence.csv"), encoding: .utf8).split(separator: "\n")
            #expect(rows.count == 3)
            let hot = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(hot[0] == "hot" && hot[1] == "control" && hot[2] == "4" && hot[3] == "2" && hot[4] == String(2 * looping.count))
            let comparison = try json(out.appendingPathComponent("comparison.json"))
            #expect((comparison["persistence"] as? [Any])?.count == 2)
        }
    }
}
