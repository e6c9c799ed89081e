import ArgumentParser
import ConvergeCore
import ConvergeRun
import ConvergeStore
import ConvergeView
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

    @Option(help: "Starting point: paper (50 seeds × 25 turns) or quick (4 seeds × 10 turns).")
    var preset: String = "paper"
    @Option(help: "A run configuration as JSON (the `configuration` object of a run.json); options override it.")
    var config: String?
    @Option(help: "Seed sentences, one per line ('#' starts a comment). Default: the 50 bundled seeds.")
    var seeds: String?
    @Option(help: "Use only the first N seeds.")
    var seedCount: Int?
    @Option(help: "Conversations per seed.")
    var replicates: Int?
    @Option(help: "Turns per conversation; a turn is one model output.")
    var turns: Int?
    @Option(help: "Maximum new tokens per turn.")
    var maxTokens: Int?
    @Option(help: "Sampling temperature; 0 is greedy.")
    var temperature: Double?
    @Option(help: "Top-p (nucleus) mass, in (0, 1].")
    var topP: Double?
    @Option(help: "Top-k; 0 keeps every token.")
    var topK: Int?
    @Option(help: "Min-p relative to the most likely token; 0 is off.")
    var minP: Double?
    @Option(help: "Repetition penalty; 1 is off.")
    var repeatPenalty: Double?
    @Option(help: "Presence penalty; 0 is off.")
    var presencePenalty: Double?
    @Option(help: "Frequency penalty; 0 is off.")
    var frequencyPenalty: Double?
    @Option(help: "Tokens the penalties look back over; -1 is all.")
    var penaltyLastN: Int?
    @Option(help: "DRY multiplier; 0 is off (see docs for how DRY differs from llama.cpp's).")
    var dryMultiplier: Double?
    @Option(help: "DRY base: the penalty grows as base^(repeat length − allowed length).")
    var dryBase: Double?
    @Option(help: "DRY allowed length: repeats shorter than this are not penalised.")
    var dryAllowedLength: Int?
    @Option(help: "A stop string (repeat the option for several).")
    var stop: [String] = []
    @Option(help: "What a model sees: last (the other's latest output), last-K, or full.")
    var history: String?
    @Option(help: "raw (continue the text, the study's setting) or chat (each model's chat template).")
    var promptMode: String?
    @Option(help: "Model for agent A (odd turns). Default: Gemma-3-270M base.")
    var modelA: String?
    @Option(help: "Model for agent B (even turns). Default: SmolLM2-135M-Instruct.")
    var modelB: String?
    @Option(help: "Run seed; each conversation's stream derives from it and the conversation's identity.")
    var rngSeed: UInt64?
    @Option(help: "Conversations advanced together in one batched decode (default 50: the paper preset in one batch, the fastest measured; see BENCHMARKS.md).")
    var parallel: Int?
    @Option(help: "Tokens of context per conversation (prompt + output).")
    var context: Int?
    @Option(help: "Relay each turn through a text file in this directory, as the study did.")
    var relayDir: String?
    @Option(help: "llama.cpp threads (default: the cores measured idle over 200 ms at start, 1 to 8).")
    var threads: Int?
    @Option(help: "Run only part i of n (0-based; conversations with index ≡ i mod n), or `auto` (`auto/N`): the part a Slurm array or Kubernetes Indexed Job task was given, written to OUT/shard-i-of-n. Join parts with `converge merge`.")
    var shard: String?
    @Option(help: "Output directory. Default: runs/PRESET-DATE.")
    var out: String?
    @Flag(help: "Continue the interrupted run in --out with its recorded settings.")
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
            shard, out: out.map { URL(fileURLWithPath: $0) }, fallback: URL(fileURLWithPath: "runs/\(preset)-\(Self.timestamp())"),
            environment: ProcessInfo.processInfo.environment)
    }

    private func makeSession(_ placement: ShardPlacement, resume: Bool) throws -> RunSession {
        let output = placement.output
        let manifest = output.appendingPathComponent("run.json")
        var configuration: RunConfiguration
        if resume {
            guard out != nil else { throw ConvergeError(.invalidParameter, "--resume needs --out DIR, the run to continue") }
            configuration = try RunManifest.readForResume(output).configuration
            try checkResumeOptions(against: configuration, in: manifest)
        } else {
            configuration = try baseConfiguration()
            try applyOverrides(to: &configuration)
        }
        if let parallel { configuration.parallel = parallel }
        var session = RunSession(
            configuration: configuration, output: output, resume: resume,
            threads: threads ?? LlamaThreads.default, verbose: verbose, command: CommandLine.arguments
        )
        session.shard = try ShardOption.resolve(placement.shard?.description, resume: resume, manifest: manifest)
        session.live = live
        if threads == nil { session.threadsReason = "default: " + LlamaThreads.defaultReason }
        return session
    }

    private func baseConfiguration() throws -> RunConfiguration {
        let preset = try Preset.named(preset)
        let seedList = try seeds.map { try SeedFile.load(URL(fileURLWithPath: $0)) } ?? SeedFile.bundled()
        var configuration = preset.configuration(seeds: seedList)
        if let config { configuration = try ConfigurationFile.load(config) }
        if seeds != nil && config != nil { configuration.seeds = Array(seedList.prefix(preset.seedCount)) }
        if let seedCount {
            guard seedCount >= 1 else { throw ConvergeError(.invalidParameter, "seed count must be ≥ 1 (got \(seedCount))") }
            guard seedCount <= seedList.count else {
                throw ConvergeError(.invalidParameter, "--seed-count \(seedCount) exceeds the \(seedList.count) seeds available")
            }
            configuration.seeds = Array(seedList.prefix(seedCount))
        }
        return configuration
    }

    private func applyOverrides(to c: inout RunConfiguration) throws {
        if let replicates { c.replicates = replicates }
        if let turns { c.turns = turns }
        if let maxTokens { c.maxTokens = maxTokens }
        if let temperature { c.sampler.temperature = temperature }
        if let topP { c.sampler.topP = topP }
        if let topK { c.sampler.topK = topK }
        if let minP { c.sampler.minP = minP }
        if let repeatPenalty { c.sampler.repeatPenalty = repeatPenalty }
        if let presencePenalty { c.sampler.presencePenalty = presencePenalty }
        if let frequencyPenalty { c.sampler.frequencyPenalty = frequencyPenalty }
        if let penaltyLastN { c.sampler.penaltyLastN = penaltyLastN }
        if let dryMultiplier { c.sampler.dryMultiplier = dryMultiplier }
        if let dryBase { c.sampler.dryBase = dryBase }
        if let dryAllowedLength { c.sampler.dryAllowedLength = dryAllowedLength }
        if !stop.isEmpty { c.stop = stop }
        if let history {
            guard let window = HistoryWindow(parsing: history) else {
                throw ConvergeError(.invalidParameter, "unknown history window '\(history)' (use last, last-K or full)")
            }
            c.history = window
        }
        if let promptMode {
            guard let mode = PromptMode(rawValue: promptMode) else {
                throw ConvergeError(.invalidParameter, "unknown prompt mode '\(promptMode)' (use raw or chat)")
            }
            c.promptMode = mode
        }
        if let modelA { c.modelA = modelA }
        if let modelB { c.modelB = modelB }
        if let rngSeed { c.rngSeed = rngSeed }
        if let context { c.contextPerSequence = context }
        if let relayDir { c.relayDirectory = relayDir }
    }

    /// Accepts the original command with `--resume` appended: options may be given again, but only
    /// with the values the run recorded.
    private func checkResumeOptions(against recorded: RunConfiguration, in manifest: URL) throws {
        guard !settingOptionsGiven.isEmpty else { return }
        var requested = recorded
        if config != nil || seeds != nil || seedCount != nil {
            let base = try baseConfiguration()
            if config != nil { requested = base } else { requested.seeds = base.seeds }
        }
        try applyOverrides(to: &requested)
        let differences = ProvenanceComparison.configurationDifferences(recorded, requested, comparingModelSpecs: true, allowing: ["parallel"])
        guard differences.isEmpty else {
            throw ConvergeError(
                .resume, "--resume continues with the settings in \(manifest.path), but the options change them: \(differences.joined(separator: "; ")) (recorded vs given); drop those options",
                value: manifest.path)
        }
    }

    /// Options that would change a resumed run's output.
    private var settingOptionsGiven: [String] {
        let given: [(String, Bool)] = [
            ("config", config != nil), ("seeds", seeds != nil), ("seed-count", seedCount != nil),
            ("replicates", replicates != nil), ("turns", turns != nil), ("max-tokens", maxTokens != nil),
            ("temperature", temperature != nil), ("top-p", topP != nil), ("top-k", topK != nil), ("min-p", minP != nil),
            ("repeat-penalty", repeatPenalty != nil), ("presence-penalty", presencePenalty != nil),
            ("frequency-penalty", frequencyPenalty != nil), ("penalty-last-n", penaltyLastN != nil),
            ("dry-multiplier", dryMultiplier != nil), ("dry-base", dryBase != nil), ("dry-allowed-length", dryAllowedLength != nil), ("stop", !stop.isEmpty),
            ("history", history != nil), ("prompt-mode", promptMode != nil), ("model-a", modelA != nil),
            ("model-b", modelB != nil), ("rng-seed", rngSeed != nil), ("context", context != nil), ("relay-dir", relayDir != nil),
        ]
        return given.filter(\.1).map(\.0)
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date())
    }
}
