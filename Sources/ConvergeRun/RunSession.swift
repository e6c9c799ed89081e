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
    /// Why `threads` is what it is (`--threads`, or the idle cores measured at start); kept in run.json.
    public var threadsReason = "--threads"
    /// `--schedule`; nil lets `RunSchedule` choose.
    public var schedule: EngineSchedule?
    public var verbose: Bool
    public var command: [String]
    /// Runs only this part of the plan (`--shard i/n`); `converge merge` joins the parts.
    public var shard: Shard?
    /// Show the live loop detector's count in the progress line.
    public var live = false
    /// For `converge branch`: where the run branches from; a resumed branch reads it from run.json.
    public var branch: RunBranch?
    /// For `converge branch`: the parent's turns each replicate starts from, written before any
    /// turn is generated.
    public var replayed: [TurnRecord] = []

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
        try LlamaThreads.check(threads)
        if configuration.intervention?.trigger == .branch, branchOrigin == nil {
            throw ConvergeError(
                .invalidParameter, "intervention.trigger branch needs a branched run (converge branch, or an experiment condition with branch:)")
        }
        let specA = try ModelSpec(parsing: configuration.modelA, defaultFor: .a)
        let specB = try ModelSpec(parsing: configuration.modelB, defaultFor: .b)
        let lock = try DirectoryLock.claim(output)
        defer { withExtendedLifetime(lock) {} }
        let (plan, kept) = try prepareOutput()
        // A context needs room only for the conversations that can be open at once: a quick run
        // under the default --parallel 50 would otherwise allocate 50 sequences of KV cache.
        var sized = configuration
        sized.parallel = max(1, min(configuration.parallel, plan.filter { $0.outputs.count < configuration.turns }.count))
        let schedule = RunSchedule.resolve(
            asked: self.schedule, threads: threads, openConversations: sized.parallel, inProcess: (specA.isInProcess, specB.isInProcess))
        let agents = try await AgentBackends.load(specA, specB, run: sized, schedule: schedule, verbose: verbose)
        let observer = try await interventionObserver()
        let engine = ConversationEngine(
            configuration: configuration, modelA: agents.a, modelB: agents.b, observer: observer,
            relay: configuration.relayDirectory.map { FileRelay(directory: URL(fileURLWithPath: $0)) }, schedule: schedule.schedule)
        try recordProvenance(manifest(agents, schedule: schedule))
        // Only once the resume is accepted: a refused one leaves the transcript as it was.
        if let kept { try TranscriptFile.rewrite(transcriptURL, with: kept) }
        let transcript = try TranscriptFile(url: transcriptURL)
        let progress = RunProgress(plan: plan, turns: configuration.turns, parallel: sized.parallel, sampled: agents.sampledTokens)
        let monitor = live ? LiveLoopMonitor(plan: plan) : nil
        let seeds = Dictionary(uniqueKeysWithValues: plan.map { ($0.index, $0.seed) })
        var outcome = Outcome(turnsWritten: 0, failedTurns: 0)
        let ticker = Task { await progress.tick() }
        defer {
            ticker.cancel()
            progress.finish(output: output)
        }
        try await engine.run(plan) { record in
            try transcript.append(record)
            outcome.turnsWritten += 1
            if record.finishReason == .error { outcome.failedTurns += 1 }
            if let monitor, record.finishReason != .error {
                monitor.observe(conversation: record.conversation, seed: seeds[record.conversation] ?? "", text: record.text)
            }
            let notes = [agents.progressNote, monitor?.line].compactMap { $0 }
            progress.setExtra(notes.isEmpty ? nil : notes.joined(separator: " · "))
            progress.record(record)
        }
        return outcome
    }

    /// Checks the locked output directory and, for `--resume`, reads what is done.
    /// - Returns: the plan with the outputs already on disk filled in, and for a resume whose
    ///   transcript holds failed or orphaned turns, the turns to keep: those are generated again
    ///   instead of appearing twice.
    private func prepareOutput() throws -> (plan: [Conversation], kept: [TurnRecord]?) {
        let plan =
            branchOrigin?.plan(seeds: configuration.seeds, replicates: configuration.replicates)
            ?? Conversation.plan(seeds: configuration.seeds, replicates: configuration.replicates)
        let hasTranscript = FileManager.default.fileExists(atPath: transcriptURL.path)
        if hasTranscript && !resume {
            throw ConvergeError(.resume, "\(output.path) already holds a run; pass --resume to continue it, or choose another --out", value: output.path)
        }
        guard hasTranscript else {
            // A branch that died before its transcript existed replays its parent again.
            let replay = try replayed.isEmpty ? branchOrigin.map { try BranchStart.replayed(by: $0, replicates: configuration.replicates) } ?? [] : replayed
            guard !replay.isEmpty else { return (shard?.select(plan) ?? plan, nil) }
            return (try ResumeState.apply(replay, to: plan), replay)
        }
        // Opening cuts a partial or corrupt last line: the turn being written when the run died.
        _ = try TranscriptFile(url: transcriptURL)
        let records = try TranscriptFile.read(transcriptURL)
        let resumed = try ResumeState.apply(records, to: plan)
        let kept = ResumeState.kept(records, plan: plan)
        return (shard?.select(resumed) ?? resumed, kept.count == records.count ? nil : kept)
    }

    /// Writes `run.json` for a new run. A resumed run must match what it recorded (models by sha256,
    /// tool and llama.cpp versions, server dialects, settings); it then gains an entry in `resumes`.
    /// - Throws: `ConvergeError` `.resume` naming every difference.
    private func recordProvenance(_ current: RunManifest) throws {
        guard resume, FileManager.default.fileExists(atPath: manifestURL.path) else {
            return try current.write(to: manifestURL)
        }
        var recorded = try RunManifest.read(from: manifestURL)
        // Batch width changes only speed, so a resume may choose another --parallel.
        let differences = ProvenanceComparison.differences(recorded, current, allowing: ["parallel"])
        guard differences.isEmpty else {
            throw ConvergeError(
                .resume, "cannot resume \(output.path): \(differences.joined(separator: "; ")) (recorded vs now)", value: manifestURL.path)
        }
        recorded.resumes =
            (recorded.resumes ?? []) + [
                RunManifest.Resume(
                    at: Date(), command: command, toolVersion: current.toolVersion, llamaCppCommit: current.llamaCppCommit,
                    hostname: current.machine.hostname)
            ]
        try recorded.write(to: manifestURL)
    }

    /// What fires the run's intervention policy: the live detector it names, or the branch turn.
    private func interventionObserver() async throws -> (any TurnObserver)? {
        guard let policy = configuration.intervention else { return nil }
        guard policy.trigger == .branch else { return try await LiveDetectorObserver.make(for: policy, threads: threads, verbose: verbose) }
        return branchOrigin.map { BranchTurnObserver(turn: $0.fromTurn) }
    }

    private var branchOrigin: RunBranch? {
        branch ?? (resume ? (try? RunManifest.read(from: manifestURL))?.branch : nil)
    }

    private var llamaBackend: [String: String] {
        [
            "engine": "llama.cpp in-process", "threads": String(threads), "threads_reason": threadsReason,
            "sampler": "converge TokenSampler (penalties, DRY, temperature, top-k, top-p, min-p)",
            "arithmetic": LlamaArithmetic.summary,
        ]
    }

    private func manifest(_ agents: AgentBackends, schedule: RunSchedule) throws -> RunManifest {
        var manifest = RunManifest(
            toolVersion: ConvergeVersion.current, llamaCppCommit: llamaCppCommit, createdAt: Date(), command: command,
            configuration: configuration, models: agents.models,
            backend: (agents.usesLlama ? llamaBackend : [:]).merging(agents.notes) { $1 }.merging(schedule.provenance) { $1 },
            machine: .current(), shard: shard
        )
        manifest.branch = branchOrigin
        return manifest
    }
}

/// The tool's version, recorded in every run's provenance.
public enum ConvergeVersion {
    public static let current = "0.1.0"
}
