import Foundation
import Testing

/// The tiny real-model run the sharding tests split: 4 seeds × 2 turns × 8 tokens.
enum ShardedRun {
    static let conversations = 4
    static let turns = 2
    static let maxTokens = 8

    static func arguments(out: URL, extra: [String] = []) -> [String] {
        [
            "run", "--preset", "quick", "--seed-count", "\(conversations)", "--turns", "\(turns)",
            "--max-tokens", "\(maxTokens)", "--threads", "1", "--out", out.path,
        ] + extra
    }

    /// The variables a Slurm job array task `--array=0-2` sees.
    static func slurm(_ task: Int) -> [String: String] {
        ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "3"]
    }

    /// A root of three `--shard auto` tasks, run once under Slurm's variables and shared by the tests.
    static let root = Task<URL, any Error> {
        let root = try temporaryDirectory("shard-root")
        for task in 0..<3 {
            let result = try await converge(arguments(out: root, extra: ["--shard", "auto"]), environment: slurm(task))
            #expect(result.status == 0, "shard \(task) failed: \(result.stderr)")
        }
        return root
    }

    /// Transcript lines in (conversation, turn) order: shards finish in another order than one run.
    static func ordered(_ directory: URL) throws -> [TranscriptLine] {
        try Transcript.read(directory).sorted { ($0.conversation, $0.turn) < ($1.conversation, $1.turn) }
    }
}
