import ArgumentParser
import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run conversations between two models and record every turn.",
        discussion: """
            Model A continues the seed, model B continues A's output, and so on. Writes \
            DIR/transcript.jsonl (one JSON object per turn, synced as each turn finishes) and \
            DIR/run.json (provenance: models with sha256, every parameter, seeds, versions, machine). \
            An interrupted run (Ctrl-C, kill -9, a full disk) continues with --resume.

            Models: `default`, `gemma`, `smollm2`, or `llama:PATH.gguf` / PATH.gguf for any GGUF file.
            """
    )

    @Option(help: "Starting point: paper (50 seeds × 25 turns) or quick (4 seeds × 10 turns). Default: paper.")
    var preset: String?
    @Option(help: "A run configuration as JSON (the `configuration` object of a run.json); options override it.")
    var config: String?
    @Option(help: "Seed sentences, one per line ('#' starts a comment). Default: the 50 bundled seeds.")
    var seeds: String?
    @Option(help: "Use only the first N seeds.")
    var seedCount: Int?
    @OptionGroup var settings: RunSettingOptions
    @OptionGroup var compute: ComputeOptions
    @Option(
        help:
            "Run only part i of n (0-based; conversations with index ≡ i mod n), or `auto` (`auto/N`): the part a Slurm array or Kubernetes Indexed Job task was given, written to OUT/shard-i-of-n. Join parts with `converge merge`."
    )
    var shard: String?
    @Option(help: "Output directory. Default: runs/PRESET-DATE.")
    var out: String?
    @Flag(help: "Continue the interrupted run in --out with its recorded settings; options given must match them.")
    var resume = false
    @Flag(help: "Show in the progress line how many conversations the loop detector sees looping right now.")
    var live = false
    @Flag(help: "Start `converge view` beside the run (127.0.0.1, a free port) and print the run page's address.")
    var view = false
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    func run() async throws {
        try await runReportingErrors {
            let placement = try shardPlacement()
            // A scheduler runs a task again after a node failure or a manual requeue: a finished
            // shard has nothing to add, and a started one continues.
            if placement.isAuto && RunCompletion.isComplete(placement.output) {
                StandardError.line("converge: shard \(placement.shard!) in \(placement.output.path) is already complete; nothing to do")
                return
            }
            let session = try makeSession(placement, resume: resume || (placement.isAuto && RunCompletion.isStarted(placement.output)))
            let outcome = try await cancellingOnSignals { [view] in
                try await withViewer(view ? session.output : nil) { try await session.run() }
            }
            var message = "converge: \(outcome.turnsWritten) turns written to \(session.transcriptURL.path)"
            if outcome.failedTurns > 0 { message += " (\(outcome.failedTurns) failed; --resume retries them)" }
            StandardError.line(message)
            try exitIfConversationsFailed(outcome.failedTurns)
        }
    }

    private func shardPlacement() throws -> ShardPlacement {
        try ShardPlacement(
            shard, out: out.map { URL(fileURLWithPath: $0) },
            fallback: URL(fileURLWithPath: "runs/\(preset ?? Preset.paper.rawValue)-\(Self.timestamp())"),
            environment: ProcessInfo.processInfo.environment)
    }

    private func makeSession(_ placement: ShardPlacement, resume: Bool) throws -> RunSession {
        let output = placement.output
        let manifest = output.appendingPathComponent("run.json")
        let request = RunConfigurationRequest(
            preset: preset, configurationFile: config, seedFile: seeds.map { URL(fileURLWithPath: $0) }, seedCount: seedCount,
            settings: try settings.settings())
        let configuration: RunConfiguration
        if resume {
            guard out != nil else { throw ConvergeError(.invalidParameter, "--resume needs --out DIR, the run to continue") }
            let recorded = try RunManifest.readForResume(output)
            configuration = try recorded.map { try request.resume($0.configuration, recordedIn: manifest) } ?? request.resolve()
        } else {
            configuration = try request.resolve()
        }
        var session = RunSession(
            configuration: configuration, output: output, resume: resume,
            threads: compute.threadCount, verbose: verbose, command: CommandLine.arguments
        )
        session.shard = try ShardOption.resolve(placement.shard?.description, resume: resume, manifest: manifest)
        session.live = live
        session.threadsReason = compute.threadsReason
        session.schedule = compute.schedule
        return session
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
