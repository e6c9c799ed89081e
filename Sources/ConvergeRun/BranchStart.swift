public import ConvergeCore
public import ConvergeStore
public import Foundation

/// What `converge branch` starts from (docs/ATLAS.md, "Branching"): the parent's settings with the
/// changes asked for, where the branch comes from, and the parent's turns each replicate replays.
public struct BranchStart: Sendable {
    public var configuration: RunConfiguration
    public var branch: RunBranch
    public var replayed: [TurnRecord]

    /// Reads the parent run and checks the request against it.
    /// - Parameters:
    ///   - parent: the parent run directory (it must hold `run.json` and `transcript.jsonl`).
    ///   - conversation: the parent transcript's `conversation` value.
    ///   - fromTurn: how many of the parent's turns to replay, 0 to its last.
    ///   - settings: the settings to change; every other one is the parent's.
    ///   - replicates: branches to generate; nil is 1.
    /// - Throws: `ConvergeError`: `.io` for a missing run, `.transcript` for a run without
    ///   `run.json`, `.invalidParameter` for an unknown conversation or a turn past its end.
    public init(parent: URL, conversation: String, fromTurn: Int, settings: RunSettings, replicates: Int?) throws {
        let directory = parent.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConvergeError(.io, "run directory \(directory.path) does not exist")
        }
        let manifestURL = directory.appendingPathComponent("run.json")
        let transcriptURL = directory.appendingPathComponent("transcript.jsonl")
        for file in [manifestURL, transcriptURL] where !FileManager.default.fileExists(atPath: file.path) {
            throw ConvergeError(.transcript, "\(directory.path) has no \(file.lastPathComponent); converge branch needs a run written by converge run")
        }
        let records = try TranscriptFile.read(transcriptURL).filter { $0.finishReason != .error }
        let identity = { (record: TurnRecord) in record.conversationName ?? String(record.conversation) }
        var turns = records.filter { identity($0) == conversation }.sorted { $0.turn < $1.turn }
        guard let first = turns.first else {
            let known = Set(records.map(identity)).sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
            throw ConvergeError(
                .invalidParameter, "conversation \(conversation) is not in \(transcriptURL.path) (it holds \(Self.range(known)))")
        }
        turns = Array(turns.enumerated().prefix { $0.offset + 1 == $0.element.turn }.map(\.element))
        guard (0...turns.count).contains(fromTurn) else {
            throw ConvergeError(
                .invalidParameter, "--from-turn \(fromTurn) is past the end of conversation \(conversation), which has turns 1–\(turns.count)")
        }
        var configuration = try RunConfigurationRequest(configurationFile: manifestURL.path, settings: settings).resolve()
        configuration.replicates = replicates ?? 1
        guard fromTurn < configuration.turns else {
            throw ConvergeError(
                .invalidParameter, "--from-turn \(fromTurn) leaves nothing to generate: the branch has \(configuration.turns) turns (raise --turns)")
        }
        guard configuration.seeds.indices.contains(first.seedIndex) else {
            throw ConvergeError(
                .transcript,
                "\(transcriptURL.path): conversation \(conversation) has seed_index \(first.seedIndex), but run.json lists \(configuration.seeds.count) seeds")
        }
        self.configuration = configuration
        branch = RunBranch(
            parent: directory.path, conversation: first.conversationName.map(ConversationID.name) ?? .number(first.conversation),
            seedIndex: first.seedIndex, replicate: first.replicate, fromTurn: fromTurn)
        replayed = (0..<max(1, configuration.replicates)).flatMap { r in
            turns.prefix(fromTurn).map { record in
                var copy = record
                copy.conversation = r
                copy.conversationName = nil
                copy.replicate = first.replicate + r
                return copy
            }
        }
    }

    private static func range(_ ids: [String]) -> String {
        guard let low = ids.first, let high = ids.last else { return "no conversations" }
        return ids.count == 1 ? "conversation \(low)" : "conversations \(low)–\(high)"
    }

    /// A session that writes the branch into `output`.
    /// - Parameters:
    ///   - output: the branch's run directory.
    ///   - threads: llama.cpp threads.
    ///   - verbose: show llama.cpp's log.
    ///   - command: the command line, for run.json.
    public func session(output: URL, threads: Int, verbose: Bool, command: [String]) -> RunSession {
        var session = RunSession(configuration: configuration, output: output, resume: false, threads: threads, verbose: verbose, command: command)
        session.branch = branch
        session.replayed = replayed
        return session
    }
}
