public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics
public import ConvergeStore
public import Foundation

/// What a branched run starts from (docs/ATLAS.md, "Branching"): the settings it runs under, where
/// it comes from, and the parent's turns each replicate replays.
public struct BranchStart: Sendable {
    public var configuration: RunConfiguration
    public var branch: RunBranch
    public var replayed: [TurnRecord]

    /// `converge branch`: chosen conversations of the parent under the parent's settings with the
    /// changes asked for.
    /// - Parameters:
    ///   - parent: the parent run directory (it must hold `run.json` and `transcript.jsonl`).
    ///   - conversations: the parent transcript's `conversation` values, at least one.
    ///   - fromTurn: how many of the parent's turns to replay, 0 to its last.
    ///   - settings: the settings to change; every other one is the parent's.
    ///   - replicates: branches per conversation; nil is 1.
    ///   - inject: a text the first generated turn continues instead of turn `fromTurn`'s output.
    /// - Throws: `ConvergeError`: `.io` for a missing run, `.transcript` for a run without
    ///   `run.json`, `.invalidParameter` for an unknown conversation or a turn past its end.
    public init(parent: URL, conversations: [String], fromTurn: Int, settings: RunSettings, replicates: Int?, inject: String?) throws {
        let run = try ParentRun(parent)
        var configuration = try RunConfigurationRequest(configurationFile: run.manifestURL.path, settings: settings).resolve()
        configuration.replicates = replicates ?? 1
        if let inject {
            guard !inject.allSatisfy(\.isWhitespace) else { throw ConvergeError(.invalidParameter, "--inject needs a non-empty text") }
            var policy = InterventionPolicy(action: .injectSeed)
            policy.trigger = .branch
            policy.seedPool = [inject]
            policy.maxInterventions = 1
            configuration.intervention = policy
        }
        guard !conversations.isEmpty, Set(conversations).count == conversations.count else {
            throw ConvergeError(.invalidParameter, "name each conversation to branch once, with --conversation")
        }
        let chosen = try conversations.map { try run.turns(of: $0, through: fromTurn) }
        try self.init(run, origins: chosen, fromTurn: fromTurn, configuration: configuration)
    }

    /// An experiment's branch condition: every conversation of the parent that loops at turn
    /// `loopingAtTurn` by the loop detector's looping-at-the-end verdict over its first turns.
    /// - Parameters:
    ///   - parent: the parent condition's run directory.
    ///   - loopingAtTurn: T; the branch replays turns 1…T.
    ///   - configuration: the condition's settings; its seeds must be the parent's.
    ///   - detector: decides which conversations loop at T.
    /// - Throws: `ConvergeError` as the other initialiser, and `.invalidParameter` when the seeds differ.
    public init(parent: URL, loopingAtTurn: Int, configuration: RunConfiguration, detector: RepetitionLoopDetector) throws {
        let run = try ParentRun(parent)
        guard run.manifest.configuration.seeds == configuration.seeds else {
            throw ConvergeError(.invalidParameter, "a branch must keep its parent's seeds, and \(run.directory.path) ran other ones")
        }
        let looping = run.conversations.map(\.turns).filter { turns in
            guard turns.count >= loopingAtTurn, configuration.seeds.indices.contains(turns[0].seedIndex) else { return false }
            var series = TurnSeries(seed: configuration.seeds[turns[0].seedIndex])
            let rows = turns.prefix(loopingAtTurn).map { series.append($0.text) }
            return detector.loopingByTurn(rows).last == true
        }
        try self.init(run, origins: looping, fromTurn: loopingAtTurn, configuration: configuration)
    }

    private init(_ run: ParentRun, origins: [[TurnRecord]], fromTurn: Int, configuration: RunConfiguration) throws {
        guard fromTurn < configuration.turns else {
            throw ConvergeError(
                .invalidParameter, "--from-turn \(fromTurn) leaves nothing to generate: the branch has \(configuration.turns) turns (raise --turns)")
        }
        for turns in origins where !configuration.seeds.indices.contains(turns[0].seedIndex) {
            throw ConvergeError(
                .transcript,
                "\(run.transcriptURL.path): conversation \(turns[0].conversation) has seed_index \(turns[0].seedIndex), but run.json lists \(configuration.seeds.count) seeds"
            )
        }
        self.configuration = configuration
        branch = RunBranch(
            parent: run.directory.path, fromTurn: fromTurn,
            origins: origins.map { turns in
                RunBranch.Origin(
                    conversation: turns[0].conversationName.map(ConversationID.name) ?? .number(turns[0].conversation),
                    seedIndex: turns[0].seedIndex, replicate: turns[0].replicate)
            })
        replayed = Self.replay(origins, fromTurn: fromTurn, replicates: configuration.replicates)
    }

    /// The turns a branch recorded in run.json replays, read again from its parent: what a resume
    /// needs when the branch died before its transcript was written.
    /// - Throws: `ConvergeError` when the parent is gone or no longer holds the turns.
    static func replayed(by branch: RunBranch, replicates: Int) throws -> [TurnRecord] {
        let run = try ParentRun(URL(fileURLWithPath: branch.parent))
        let origins = try branch.origins.map { try run.turns(of: $0.conversation.description, through: branch.fromTurn) }
        return replay(origins, fromTurn: branch.fromTurn, replicates: replicates)
    }

    /// Replicate r of origin k is conversation k·R + r and replicate number origin + r.
    private static func replay(_ origins: [[TurnRecord]], fromTurn: Int, replicates: Int) -> [TurnRecord] {
        let replicates = max(1, replicates)
        return origins.enumerated().flatMap { k, turns in
            (0..<replicates).flatMap { r in
                turns.prefix(fromTurn).map { record in
                    var copy = record
                    copy.conversation = k * replicates + r
                    copy.conversationName = nil
                    copy.replicate = record.replicate + r
                    return copy
                }
            }
        }
    }

    /// A session that writes the branch into `output`.
    /// - Parameters:
    ///   - output: the branch's run directory.
    ///   - resume: continue a branch already started there.
    ///   - threads: llama.cpp threads.
    ///   - verbose: show llama.cpp's log.
    ///   - command: the command line, for run.json.
    public func session(output: URL, resume: Bool = false, threads: Int, verbose: Bool, command: [String]) -> RunSession {
        var session = RunSession(configuration: configuration, output: output, resume: resume, threads: threads, verbose: verbose, command: command)
        session.branch = branch
        session.replayed = replayed
        return session
    }
}
