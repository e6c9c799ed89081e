public import ConvergeCore
import ConvergeLlama
public import ConvergeStore
public import Foundation

/// One `converge run`: prepares the output directory, loads the models, runs every conversation and
/// records each turn as it finishes.
public struct RunSession: Sendable {
    public var configuration: RunConfiguration
    public var output: URL
    public var resume: Bool
    public var threads: Int
    public var verbose: Bool
    public var command: [String]
    /// Runs only this part of the plan (`--shard i/n`); `converge merge` joins the parts.
    public var shard: Shard?
    /// Show the live loop detector's count in the progress line.
    public var live = false

    public init(configuration: RunConfiguration, output: URL, resume: Bool, threads: Int, verbose: Bool, command: [String]) {
        self.configuration = configuration
        self.output = output
        self.resume = resume
        self.threads = threads
        self.verbose = verbose
        self.command = command
    }

    public var transcriptURL: URL { output.appendingPathComponent("transcript.jsonl") }
    public var manifestURL: URL { output.appendingPathComponent("run.json") }

    /// What a finished (or interrupted) run did.
    public struct Outcome: Sendable {
        public var turnsWritten: Int
        public var failedTurns: Int
    }

    /// Runs to completion.
    /// - Throws: `ConvergeError` with a one-line cause; `CancellationError` when interrupted, after
    ///   every finished turn is on disk.
    public func run() async throws -> Outcome {
        if let problem = configuration.validationError() { throw ConvergeError(.invalidParameter, problem) }
        let plan = try prepareOutput()
        let specA = try ModelSpec(parsing: configuration.modelA, defaultFor: .a)
        let specB = try ModelSpec(parsing: configuration.modelB, defaultFor: .b)
        // A context needs room only for the conversations that can be open at once: a quick run
        // under the default --parallel 50 would otherwise allocate 50 sequences of KV cache.
        var sized = configuration
        sized.parallel = max(1, min(configuration.parallel, plan.filter { $0.outputs.count < configuration.turns }.count))
        let agents = try await AgentBackends.load(specA, specB, run: sized, threads: threads, verbose: verbose)
        var observer: LiveDetectorObserver?
        if let policy = configuration.intervention { observer = try await LiveDetectorObserver.make(for: policy, threads: threads, verbose: verbose) }
        let engine = ConversationEngine(
            configuration: configuration, modelA: agents.a, modelB: agents.b, observer: observer,
            relay: configuration.relayDirectory.map { FileRelay(directory: URL(fileURLWithPath: $0)) })
        if !resume || !FileManager.default.fileExists(atPath: manifestURL.path) {
            try manifest(agents).write(to: manifestURL)
        }
        let transcript = try TranscriptFile(url: transcriptURL)
        let progress = RunProgress(plan: plan, turns: configuration.turns)
        let monitor = live ? LiveLoopMonitor(plan: plan) : nil
        let seeds = Dictionary(uniqueKeysWithValues: plan.map { ($0.index, $0.seed) })
        var outcome = Outcome(turnsWritten: 0, failedTurns: 0)
        defer { progress.finish() }
        try await engine.run(plan) { record in
            try transcript.append(record)
            outcome.turnsWritten += 1
            if record.finishReason == .error { outcome.failedTurns += 1 }
            if let monitor, record.finishReason != .error {
                monitor.observe(conversation: record.conversation, seed: seeds[record.conversation] ?? "", text: record.text)
            }
            let notes = [agents.progressNote, monitor?.line].compactMap { $0 }
            progress.extra = notes.isEmpty ? nil : notes.joined(separator: " · ")
            progress.record(record)
        }
        return outcome
    }

    /// Creates the output directory, or checks and repairs it for `--resume`.
    /// - Returns: the plan with the outputs already on disk filled in.
    private func prepareOutput() throws -> [Conversation] {
        let manager = FileManager.default
        let plan = Conversation.plan(seeds: configuration.seeds, replicates: configuration.replicates)
        let hasTranscript = manager.fileExists(atPath: transcriptURL.path)
        if hasTranscript && !resume {
            throw ConvergeError(.io, "\(output.path) already holds a run; pass --resume to continue it, or choose another --out")
        }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ConvergeError(.io, "cannot create output directory \(output.path): \(error.localizedDescription)")
        }
        guard hasTranscript else { return shard?.select(plan) ?? plan }
        // Cut a partial last line, then keep only the turns the resumed run builds on, so a failed or
        // orphaned turn is generated again instead of appearing twice.
        _ = try TranscriptFile(url: transcriptURL)
        let records = try TranscriptFile.read(transcriptURL)
        let resumed = try ResumeState.apply(records, to: plan)
        let kept = ResumeState.kept(records, plan: plan)
        if kept.count != records.count { try TranscriptFile.rewrite(transcriptURL, with: kept) }
        return shard?.select(resumed) ?? resumed
    }

    private var llamaBackend: [String: String] {
        [
            "engine": "llama.cpp in-process", "threads": String(threads),
            "sampler": "converge TokenSampler (penalties, DRY, temperature, top-k, top-p, min-p)",
            "arithmetic": LlamaArithmetic.summary,
        ]
    }

    private func manifest(_ agents: AgentBackends) throws -> RunManifest {
        RunManifest(
            toolVersion: ConvergeVersion.current, llamaCppCommit: llamaCppCommit, createdAt: Date(), command: command,
            configuration: configuration, models: agents.models,
            backend: (agents.usesLlama ? llamaBackend : [:]).merging(agents.notes) { $1 },
            machine: .current(), shard: shard
        )
    }
}

/// The tool's version, recorded in every run's provenance.
public enum ConvergeVersion {
    public static let current = "0.1.0"
}
