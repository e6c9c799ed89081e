import Foundation
import Testing

/// The small real-model run the CLI tests share: 2 seeds × 4 turns × 12 tokens, run seed 7.
enum QuickRun {
    static let conversations = 2
    static let turns = 4
    static let maxTokens = 12

    static func arguments(out: URL, extra: [String] = []) -> [String] {
        [
            "run", "--preset", "quick", "--seed-count", "\(conversations)", "--turns", "\(turns)",
            "--max-tokens", "\(maxTokens)", "--rng-seed", "7", "--threads", "1", "--out", out.path,
        ] + extra
    }

    /// The uninterrupted reference run, made once and kept for the whole test run.
    static let reference = Task<URL, any Error> {
        let out = try temporaryDirectory("reference")
        let result = try await converge(arguments(out: out))
        #expect(result.status == 0, "reference run failed: \(result.stderr)")
        return out
    }

    static func referenceLines() async throws -> [TranscriptLine] {
        try Transcript.read(try await reference.value)
    }
}

/// Every suite that runs the real binary with real models nests here, so they run one at a time.
@Suite(.serialized, .tags(.realModels)) enum CLIRuns {}
