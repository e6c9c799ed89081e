import ConvergeCore
import ConvergeStore
import Foundation

/// A run that a branch starts from, read once: its `run.json` and each conversation's turns from 1
/// up to its first missing or failed turn, keyed by the transcript's `conversation` value.
struct ParentRun {
    let directory: URL
    let manifestURL: URL
    let transcriptURL: URL
    let manifest: RunManifest
    /// Conversations in transcript order of first appearance, each with its contiguous turns.
    let conversations: [(id: String, turns: [TurnRecord])]

    /// - Throws: `ConvergeError` `.io` for a missing directory, `.transcript` for one without
    ///   `run.json` or `transcript.jsonl`, or with a transcript that does not read.
    init(_ url: URL) throws {
        directory = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConvergeError(.io, "run directory \(directory.path) does not exist")
        }
        manifestURL = directory.appendingPathComponent("run.json")
        transcriptURL = directory.appendingPathComponent("transcript.jsonl")
        for file in [manifestURL, transcriptURL] where !FileManager.default.fileExists(atPath: file.path) {
            throw ConvergeError(.transcript, "\(directory.path) has no \(file.lastPathComponent); a branch needs a run written by converge run")
        }
        manifest = try RunManifest.read(from: manifestURL)
        var order: [String] = []
        var byID: [String: [TurnRecord]] = [:]
        for record in try TranscriptFile.read(transcriptURL) where record.finishReason != .error {
            let id = record.conversationName ?? String(record.conversation)
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(record)
        }
        conversations = order.map { id in
            let sorted = byID[id]!.sorted { $0.turn < $1.turn }
            return (id, Array(sorted.enumerated().prefix { $0.offset + 1 == $0.element.turn }.map(\.element)))
        }
    }

    /// One conversation's turns, checked to reach `fromTurn`.
    /// - Throws: `ConvergeError` `.invalidParameter` for an unknown conversation or a turn past its end.
    func turns(of conversation: String, through fromTurn: Int) throws -> [TurnRecord] {
        guard let turns = conversations.first(where: { $0.id == conversation })?.turns else {
            let known = conversations.map(\.id).sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
            throw ConvergeError(.invalidParameter, "conversation \(conversation) is not in \(transcriptURL.path) (it holds \(Self.range(known)))")
        }
        guard (0...turns.count).contains(fromTurn) else {
            throw ConvergeError(
                .invalidParameter, "--from-turn \(fromTurn) is past the end of conversation \(conversation), which has turns 1–\(turns.count)")
        }
        return turns
    }

    private static func range(_ ids: [String]) -> String {
        guard let low = ids.first, let high = ids.last else { return "no conversations" }
        return ids.count == 1 ? "conversation \(low)" : "conversations \(low)–\(high)"
    }
}
