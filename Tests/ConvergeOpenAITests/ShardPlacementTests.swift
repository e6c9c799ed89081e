import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation
import Testing

/// Where `--shard` and `--out` put a run: explicit shards keep `--out` as the run directory, so
/// existing scripts keep working; `auto` treats it as the shared root.
@Suite struct ShardPlacementTests {
    let out = URL(fileURLWithPath: "/shared/root")
    let fallback = URL(fileURLWithPath: "runs/default")
    let slurm = ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3"]

    @Test func explicitShardKeepsOutAsTheRunDirectory() throws {
        let placement = try ShardPlacement("1/3", out: out, fallback: fallback, environment: slurm)
        #expect(placement == ShardPlacement(shard: try Shard(index: 1, count: 3), output: out, isAuto: false))
        #expect(try ShardPlacement(nil, out: nil, fallback: fallback, environment: slurm).output == fallback)
    }

    @Test func autoWritesItsOwnDirectoryUnderTheRoot() throws {
        let placement = try ShardPlacement("auto", out: out, fallback: fallback, environment: slurm)
        #expect(placement.output == out.appendingPathComponent("shard-2-of-3") && placement.isAuto)
    }

    @Test func autoNeedsARoot() {
        #expect(throws: ConvergeError.self) { try ShardPlacement("auto", out: nil, fallback: fallback, environment: slurm) }
    }
}
