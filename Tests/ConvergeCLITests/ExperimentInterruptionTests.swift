import Foundation
import Testing

extension CLIRuns {
    /// `converge experiment` with the real models: a killed experiment resumes to the texts and
    /// interventions of an uninterrupted one, and `converge compare` reads the result.
    @Suite(.serialized, .timeLimit(.minutes(6))) struct ExperimentInterruptionTests {
        static let conditions = ["control", "inject"]

        /// Two conditions of the quick run. `inject` uses a detector that counts every turn as
        /// looping, so the live detector fires every second turn and the intervention path runs
        /// on real model output, not only when a loop happens to occur.
        private static func writeExperiment(in directory: URL) throws -> URL {
            let detector = directory.appendingPathComponent("always-loops.json")
            try Data(
                #"{"provenance": "test: every turn loops", "loop": {"maximumGap": 0, "minimumLoopTurns": 2, "requiresPersistence": true, "signals": {"rep_4_window": 0}}, "study": {"combination": "any", "consecutiveTurns": 3, "thresholds": {"bleu_distance_prev": 0.3}}}"#
                    .utf8
            ).write(to: detector)
            let file = directory.appendingPathComponent("tiny.yaml")
            try """
            name: tiny
            preset: quick
            seed_count: \(QuickRun.conversations)
            base:
              parallel: 1
              turns: \(QuickRun.turns)
              max_tokens: \(QuickRun.maxTokens)
              rng_seed: 7
            conditions:
              - name: control
              - name: inject
                intervention: {action: inject_seed, trigger: loop, detector_file: \(detector.path)}
            """.write(to: file, atomically: true, encoding: .utf8)
            return file
        }

        private static func arguments(_ file: URL, out: URL) -> [String] {
            ["experiment", file.path, "--out", out.path, "--threads", "1"]
        }

        /// Every line of a condition's transcript as JSON objects, keyed by (conversation, turn).
        private static func lines(_ out: URL, _ condition: String) throws -> [[Int]: [String: Any]] {
            let data = try Data(contentsOf: out.appendingPathComponent(condition).appendingPathComponent("transcript.jsonl"))
            var lines: [[Int]: [String: Any]] = [:]
            for line in data.split(separator: UInt8(ascii: "\n")) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                let key = [try #require(object["conversation"] as? Int), try #require(object["turn"] as? Int)]
                #expect(lines[key] == nil, "\(condition): turn \(key) appears twice")
                lines[key] = object
            }
            return lines
        }

        private static func interventions(_ lines: [[Int]: [String: Any]]) -> [[Int]: String] {
            lines.compactMapValues { ($0["intervention"] as? [String: Any])?["action"] as? String }
        }

        @Test func killedExperimentResumesToTheUninterruptedResult() async throws {
            let directory = try temporaryDirectory("experiment")
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = try Self.writeExperiment(in: directory)

            let reference = directory.appendingPathComponent("reference")
            let uninterrupted = try await converge(Self.arguments(file, out: reference))
            #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
            let injected = Self.interventions(try Self.lines(reference, "inject"))
            #expect(injected.count >= QuickRun.conversations, "the always-firing detector should intervene in every conversation")
            #expect(Set(injected.values) == ["inject_seed"])
            #expect(Self.interventions(try Self.lines(reference, "control")).isEmpty)

            // Killed once the second condition has started, so the first is complete and the
            // second holds some turns and a torn last line.
            let out = directory.appendingPathComponent("killed")
            let process = try ConvergeProcess(Self.arguments(file, out: out))
            let second = out.appendingPathComponent("inject")
            let deadline = Date().addingTimeInterval(180)
            while Transcript.lineCount(second) < 1, process.process.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            process.signal(SIGKILL)
            let killed = try await process.finish()
            #expect(killed.reason == .uncaughtSignal, "the experiment finished before it could be killed")
            let handle = try FileHandle(forWritingTo: second.appendingPathComponent("transcript.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"agent":"A","conversation":1,"fin"#.utf8))
            try handle.close()

            let resumed = try await converge(Self.arguments(file, out: out) + ["--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            for condition in Self.conditions {
                let expected = try Self.lines(reference, condition)
                let actual = try Self.lines(out, condition)
                #expect(actual.count == QuickRun.conversations * QuickRun.turns, "\(condition)")
                #expect(actual.mapValues { $0["text"] as? String } == expected.mapValues { $0["text"] as? String }, "\(condition)")
                #expect(Self.interventions(actual) == Self.interventions(expected), "\(condition)")
            }

            let compared = try await converge(["compare", out.path, "--control", "control", "--threads", "1"])
            #expect(compared.status == 0, "\(compared.stderr)")
            for condition in Self.conditions { #expect(compared.stdout.contains(condition)) }
            let comparison = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json"))) as? [String: Any])
            #expect(!comparison.isEmpty)
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("comparison.html").path))
        }
    }
}
