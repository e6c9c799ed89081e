import ArgumentParser
import ConvergeCore
import ConvergeExperiment
import ConvergeRun
import Foundation

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs of `converge run --shard` or `converge experiment --shard` into one.",
        discussion: """
            Give the shard directories, or the root that `--shard auto` tasks wrote their \
            shard-i-of-n directories under. Refuses shards whose provenance differs: configuration \
            (model specs aside), models by name and sha256, tool and llama.cpp versions; and refuses \
            a missing shard. Every shard 0..n-1 must be present once. The merged run.json records \
            its shards. An unfinished merged run continues with `converge run --resume --out DIR`.
            """
    )

    @Argument(help: "Shard output directories, or one root holding shard-i-of-n directories.")
    var shards: [String]
    @Option(help: "Directory for the merged run or experiment.")
    var out: String

    func run() async throws {
        try await runReportingErrors {
            var directories = shards.map { URL(fileURLWithPath: $0) }
            if directories.count == 1, ShardRoot.isRoot(directories[0]) {
                directories = try ShardRoot.shardDirectories(in: directories[0])
            }
            let output = URL(fileURLWithPath: out)
            let count =
                try directories.allSatisfy(ExperimentMerge.isExperiment)
                ? ExperimentMerge.merge(directories, into: output, command: CommandLine.arguments)
                : RunMerge.merge(directories, into: output, command: CommandLine.arguments)
            StandardError.line("converge: \(count) turns from \(directories.count) shards written to \(out)")
        }
    }
}
