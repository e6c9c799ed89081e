import Foundation
import Testing

extension CLIRuns {
    /// An experiment split over a Kubernetes Indexed Job's Pods, merged back and compared.
    @Suite(.serialized, .timeLimit(.minutes(6))) struct ExperimentShardAutoTests {
        @Test func indexedJobShardsMergeToTheUnshardedExperiment() async throws {
            let directory = try temporaryDirectory("experiment-shards")
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("grid.yaml")
            try """
            name: grid
            preset: quick
            seed_count: 3
            base: {turns: 2, max_tokens: 6, rng_seed: 3}
            conditions:
              - name: cold
                sampler: {temperature: 0.3}
              - name: warm
                sampler: {temperature: 1.2}
            """.write(to: file, atomically: true, encoding: .utf8)
            let root = directory.appendingPathComponent("root")
            for index in 0..<2 {
                let result = try await converge(
                    ["experiment", file.path, "--shard", "auto/2", "--out", root.path, "--threads", "1"],
                    environment: ["JOB_COMPLETION_INDEX": "\(index)"])
                #expect(result.status == 0, "pod \(index): \(result.stderr)")
            }
            let whole = directory.appendingPathComponent("whole")
            #expect(try await converge(["experiment", file.path, "--out", whole.path, "--threads", "1"]).status == 0)
            let merged = directory.appendingPathComponent("merged")
            let merge = try await converge(["merge", root.path, "--out", merged.path])
            #expect(merge.status == 0, "\(merge.stderr)")
            for condition in ["cold", "warm"] {
                #expect(
                    try ShardedRun.ordered(merged.appendingPathComponent(condition)) == ShardedRun.ordered(whole.appendingPathComponent(condition)),
                    "condition \(condition) differs")
            }
            let compare = try await converge(["compare", merged.path])
            #expect(compare.status == 0, "\(compare.stderr)")
        }
    }
}
