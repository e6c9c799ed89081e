import Foundation
import Testing
import Yams

/// The recipes in deploy/ are shipped untested by any cluster here, so at least their syntax, and the
/// agreement between their parts, is checked.
@Suite struct DeployRecipeTests {
    static let deploy = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("deploy")

    static let scripts = ["slurm/converge-array.sbatch", "slurm/merge.sbatch", "slurm/submit.sh", "vllm/serve.sbatch", "vllm/specs.sh"]

    @Test(arguments: scripts)
    func shellScriptsParse(_ path: String) throws {
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", Self.deploy.appendingPathComponent(path).path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0, "bash -n \(path) failed")
    }

    /// The array size Slurm gives each task is what --shard auto reads; submit.sh sets it, so the
    /// script's default must be a range starting at 0 (--shard auto also accepts 1-N).
    @Test func arrayScriptRunsShardAuto() throws {
        let text = try String(contentsOf: Self.deploy.appendingPathComponent("slurm/converge-array.sbatch"), encoding: .utf8)
        #expect(text.contains("#SBATCH --array=0-") && text.contains("--shard auto --out \"$CONVERGE_ROOT\""))
        let submit = try String(contentsOf: Self.deploy.appendingPathComponent("slurm/submit.sh"), encoding: .utf8)
        #expect(submit.contains("--dependency=\"afterok:$array_job\""))
    }

    @Test func indexedJobGivesConvergeItsCount() throws {
        let job = try Self.yaml("kubernetes/indexed-job.yaml")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(job["kind"] as? String == "Job" && spec["completionMode"] as? String == "Indexed")
        let container = try #require(Self.containers(spec).first)
        let env = (container["env"] as? [[String: Any]]) ?? []
        let count = env.first { $0["name"] as? String == "SHARD_COUNT" }?["value"] as? String
        #expect(count.flatMap(Int.init) == spec["completions"] as? Int, "SHARD_COUNT must equal completions")
        let args = (container["args"] as? [String]) ?? []
        #expect(args.contains("auto/$(SHARD_COUNT)"))
        let root = try #require(args.firstIndex(of: "--out").map { args[$0 + 1] })
        let merge = try Self.yaml("kubernetes/merge-job.yaml")
        let mergeSpec = try #require(merge["spec"] as? [String: Any])
        let mergeArgs = try #require(Self.containers(mergeSpec).first?["args"] as? [String])
        #expect(mergeArgs.joined(separator: " ").contains("converge merge \(root) "), "the merge Job must read the root the shards write")
    }

    private static func yaml(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: deploy.appendingPathComponent(path), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(path) is not a YAML mapping")
    }

    private static func containers(_ jobSpec: [String: Any]) -> [[String: Any]] {
        let pod = (jobSpec["template"] as? [String: Any])?["spec"] as? [String: Any]
        return (pod?["containers"] as? [[String: Any]]) ?? []
    }
}
