import Foundation
import Testing

extension CLIRuns {
    /// `--shard auto` under each scheduler's variables, and `converge merge ROOT` over what it wrote.
    @Suite(.serialized, .timeLimit(.minutes(6))) struct ShardAutoTests {
        @Test func slurmShardsMergeToTheUnshardedRunTextForText() async throws {
            let root = try await ShardedRun.root.value
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["shard-0-of-3", "shard-1-of-3", "shard-2-of-3"])
            let unsharded = try temporaryDirectory("unsharded")
            let merged = try temporaryDirectory("merged").appendingPathComponent("run")
            defer { [unsharded, merged.deletingLastPathComponent()].forEach { try? FileManager.default.removeItem(at: $0) } }
            #expect(try await converge(ShardedRun.arguments(out: unsharded)).status == 0)
            let merge = try await converge(["merge", root.path, "--out", merged.path])
            #expect(merge.status == 0, "\(merge.stderr)")
            // Generation is batch-invariant (docs/INVARIANCE.md), so three smaller batches give the same texts.
            #expect(try ShardedRun.ordered(merged) == ShardedRun.ordered(unsharded))
            let manifest = try String(contentsOf: merged.appendingPathComponent("run.json"), encoding: .utf8)
            for shard in ["0/3", "1/3", "2/3"] { #expect(manifest.contains(shard), "run.json does not record shard \(shard)") }
            let analyze = try await converge(["analyze", merged.path])
            #expect(analyze.status == 0, "\(analyze.stderr)")
        }

        @Test func aRerunOfAFinishedShardDoesNothing() async throws {
            let root = try await ShardedRun.root.value
            let transcript = root.appendingPathComponent("shard-1-of-3/transcript.jsonl")
            let before = try Data(contentsOf: transcript)
            let again = try await converge(ShardedRun.arguments(out: root, extra: ["--shard", "auto"]), environment: ShardedRun.slurm(1))
            #expect(again.status == 0 && again.stderr.contains("already complete"), "\(again.stderr)")
            #expect(try Data(contentsOf: transcript) == before)
        }

        @Test func kubernetesAndSlurmRangesNameTheirShardDirectory() async throws {
            let root = try temporaryDirectory("shard-envs")
            defer { try? FileManager.default.removeItem(at: root) }
            let tiny = ["run", "--preset", "quick", "--seed-count", "2", "--turns", "1", "--max-tokens", "2", "--threads", "1", "--out", root.path]
            let cases: [(environment: [String: String], shard: String, directory: String)] = [
                (["JOB_COMPLETION_INDEX": "1"], "auto/2", "shard-1-of-2"),
                (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3"], "auto", "shard-2-of-3"),
            ]
            for c in cases {
                let result = try await converge(tiny + ["--shard", c.shard], environment: c.environment)
                #expect(result.status == 0, "\(c.environment): \(result.stderr)")
                let run = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("\(c.directory)/run.json"))) as? [String: Any]
                let shard = run?["shard"] as? [String: Any]
                let index = shard?["index"] as? Int, count = shard?["count"] as? Int
                #expect(c.directory == "shard-\(index ?? -1)-of-\(count ?? -1)", "\(c.directory): \(String(describing: shard))")
            }
        }

        @Test func noSchedulerIsOneLineAndExit64() async throws {
            let root = try temporaryDirectory("shard-none")
            defer { try? FileManager.default.removeItem(at: root) }
            let result = try await converge(
                ShardedRun.arguments(out: root, extra: ["--shard", "auto"]),
                environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""])
            #expect(result.status == 64 && result.stderrLines.count == 1, "\(result.status) \(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
        }

        @Test func mergeRefusesAMissingShardAndADifferentToolVersion() async throws {
            let root = try await ShardedRun.root.value
            let copy = try temporaryDirectory("shard-copy")
            defer { try? FileManager.default.removeItem(at: copy) }
            let broken = copy.appendingPathComponent("root")
            try FileManager.default.copyItem(at: root, to: broken)
            try FileManager.default.removeItem(at: broken.appendingPathComponent("shard-2-of-3"))
            let missing = try await converge(["merge", broken.path, "--out", copy.appendingPathComponent("m1").path])
            #expect(missing.status == 64 && missing.stderr.contains("shard-2-of-3"), "\(missing.stderr)")
            try FileManager.default.copyItem(at: root.appendingPathComponent("shard-2-of-3"), to: broken.appendingPathComponent("shard-2-of-3"))
            let manifest = broken.appendingPathComponent("shard-1-of-3/run.json")
            var run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any])
            run["tool_version"] = "0.0.0-other"
            try JSONSerialization.data(withJSONObject: run).write(to: manifest)
            let differs = try await converge(["merge", broken.path, "--out", copy.appendingPathComponent("m2").path])
            #expect(differs.status == 64 && differs.stderr.contains("tool version"), "\(differs.stderr)")
        }

        /// A task that ends with failed conversations exits 3, so the scheduler retries it; the retry
        /// continues the shard rather than being refused for the transcript already there.
        @Test func aFailedShardExitsThreeAndItsRetryResumes() async throws {
            let root = try temporaryDirectory("shard-failed")
            defer { try? FileManager.default.removeItem(at: root) }
            // Nothing listens on port 9 (discard): every request to agent B fails at once, for good.
            let arguments = [
                "run", "--preset", "quick", "--seed-count", "1", "--turns", "2", "--max-tokens", "2", "--threads", "1",
                "--model-b", "openai:m@http://127.0.0.1:9#server=openai&retries=0&timeout=2", "--out", root.path, "--shard", "auto",
            ]
            let environment = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "1"]
            let first = try await converge(arguments, environment: environment)
            #expect(first.status == 3, "\(first.stderr)")
            let retry = try await converge(arguments, environment: environment)
            #expect(retry.status == 3 && !retry.stderr.contains("already holds a run"), "\(retry.stderr)")
            let run = try String(contentsOf: root.appendingPathComponent("shard-0-of-1/run.json"), encoding: .utf8)
            #expect(run.contains("\"resumes\""), "the retry did not resume")
        }

        @Test func twoTasksWithTheSameShardNeverBothWrite() async throws {
            let root = try temporaryDirectory("shard-twice")
            defer { try? FileManager.default.removeItem(at: root) }
            let arguments = ShardedRun.arguments(out: root, extra: ["--shard", "auto"])
            let first = try ConvergeProcess(arguments, environment: ShardedRun.slurm(0))
            let second = try ConvergeProcess(arguments, environment: ShardedRun.slurm(0))
            let results = [try await first.finish(), try await second.finish()]
            // The loser is refused by the lock (75), or, if it started after the winner ended, finds the shard complete.
            let refusedOrIdle = results.filter { $0.status == 75 || $0.stderr.contains("already complete") }
            #expect(results.allSatisfy { $0.status == 0 || $0.status == 75 } && refusedOrIdle.count == 1, "\(results.map { ($0.status, $0.stderr) })")
            let lines = try Transcript.read(root.appendingPathComponent("shard-0-of-3"))
            #expect(Set(lines.map { [$0.conversation, $0.turn] }).count == lines.count, "a turn was written twice")
        }
    }
}
