import ArgumentParser
import ConvergeRun
import ConvergeCore
import Foundation

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the outputs of `converge run --shard i/n` into one run.",
        discussion: """
            Refuses shards whose provenance differs: configuration (model specs aside), models by \
            name and sha256, tool and llama.cpp versions. Every shard 0..n-1 must be given once. \
            An unfinished merged run continues with `converge run --resume --out DIR`.
            """
    )

    @Argument(help: "Shard output directories.")
    var shards: [String]
    @Option(help: "Directory for the merged run.")
    var out: String

    func run() async throws {
        try await runReportingErrors {
            let count = try RunMerge.merge(
                shards.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out), command: CommandLine.arguments
            )
            StandardError.line("converge: \(count) turns from \(shards.count) shards written to \(out)")
        }
    }
}
