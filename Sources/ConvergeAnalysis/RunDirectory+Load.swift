import ConvergeCore
import ConvergeStore
public import Foundation

extension RunDirectory {
    /// Reads and validates a run directory.
    ///
    /// Seeds come from `run.json` (`configuration.seeds[seed_index]`) when it exists; otherwise from
    /// each row's `seed` field, as in a transcript written by another tool. Turns are grouped by
    /// conversation and ordered by turn number.
    /// - Parameter url: the run directory.
    /// - Returns: the run, with warnings for unfinished conversations.
    /// - Throws: `ConvergeError` (code `.transcript` or `.io`) with one line naming the directory,
    ///   line or conversation at fault: a missing directory or transcript, a broken line, an empty
    ///   transcript, a duplicate or missing turn, a failed turn, or a missing seed.
    public static func load(_ url: URL) throws -> RunDirectory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConvergeError(.io, "run directory \(url.path) does not exist")
        }
        let transcript = transcriptURL(in: url)
        guard FileManager.default.fileExists(atPath: transcript.path) else {
            throw ConvergeError(.transcript, "\(url.path) has no transcript.jsonl")
        }
        var warnings: [String] = []
        var records = try TranscriptFile.read(transcript)
        if let last = try partialLastLine(transcript) {
            // The store ignores an unterminated last line (a crash mid-write). Another tool may simply
            // omit the final newline, so a last line that is a whole turn still counts.
            if let record = try? JSONDecoder().decode(TurnRecord.self, from: last.data) {
                records.append(record)
            } else {
                warnings.append("\(transcript.path) line \(last.number) is incomplete and was ignored")
            }
        }
        guard !records.isEmpty else { throw ConvergeError(.transcript, "\(transcript.path) has no turns") }

        let manifestURL = url.appendingPathComponent("run.json")
        var manifest: RunManifest?
        var manifestText: String?
        if FileManager.default.fileExists(atPath: manifestURL.path) {
            manifest = try RunManifest.read(from: manifestURL)
            manifestText = try? String(contentsOf: manifestURL, encoding: .utf8)
        }
        let conversations = try group(records, seeds: manifest?.configuration.seeds, transcript: transcript)
        if let planned = manifest?.configuration.turns {
            for conversation in conversations where conversation.turns.count < planned && conversation.turns.last?.endsConversation != true {
                warnings.append(
                    "conversation \(conversation.id) has \(conversation.turns.count) of \(planned) turns (unfinished run? continue it with converge run --resume)"
                )
            }
        }
        return RunDirectory(
            url: url, manifest: manifest, manifestText: manifestText, conversations: conversations, warnings: warnings)
    }

    /// Groups turns by conversation and checks that each conversation is whole: turns 1…n once each,
    /// none failed, one seed index and replicate, and a seed.
    static func group(_ records: [TurnRecord], seeds: [String]?, transcript: URL) throws -> [ConversationTranscript] {
        let byConversation = Dictionary(grouping: numbered(records), by: \.conversation)
        return try byConversation.keys.sorted().map { id in
            let turns = byConversation[id]!.sorted { $0.turn < $1.turn }
            let first = turns[0]
            for (index, turn) in turns.enumerated() {
                if turn.turn != index + 1 {
                    let problem = index > 0 && turns[index - 1].turn == turn.turn ? "has turn \(turn.turn) twice" : "is missing turn \(index + 1)"
                    throw ConvergeError(.transcript, "\(transcript.path): conversation \(id) \(problem)")
                }
                if turn.finishReason == .error {
                    throw ConvergeError(
                        .transcript,
                        "\(transcript.path): conversation \(id) turn \(turn.turn) failed during the run; regenerate it with converge run --resume")
                }
                if turn.seedIndex != first.seedIndex || turn.replicate != first.replicate {
                    throw ConvergeError(
                        .transcript, "\(transcript.path): conversation \(id) mixes seed_index/replicate values at turn \(turn.turn)")
                }
            }
            let seed = try seedText(of: turns, id: id, seeds: seeds, transcript: transcript)
            return ConversationTranscript(
                id: id, seedIndex: first.seedIndex, replicate: first.replicate, seed: seed, turns: turns,
                name: first.conversationName)
        }
    }

    /// Records whose conversation ids are strings, numbered in the ids' sorted order so that the
    /// rest of the analysis can key conversations by number. When any id is a string, every id is
    /// read as text (a number 7 becomes "7"), so a mixed transcript still keeps one id per conversation.
    private static func numbered(_ records: [TurnRecord]) -> [TurnRecord] {
        guard records.contains(where: { $0.conversationName != nil }) else { return records }
        let names = records.map { $0.conversationName ?? String($0.conversation) }
        let numbers = Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { ($1, $0) })
        return zip(records, names).map { record, name in
            var record = record
            record.conversation = numbers[name]!
            record.conversationName = name
            return record
        }
    }

    private static func seedText(of turns: [TurnRecord], id: Int, seeds: [String]?, transcript: URL) throws -> String {
        let seedIndex = turns[0].seedIndex
        if let seeds {
            guard seeds.indices.contains(seedIndex) else {
                throw ConvergeError(
                    .transcript, "\(transcript.path): conversation \(id) has seed_index \(seedIndex) but run.json lists \(seeds.count) seeds")
            }
            return seeds[seedIndex]
        }
        guard let seed = turns.lazy.compactMap(\.seed).first else {
            throw ConvergeError(
                .transcript,
                "\(transcript.path): conversation \(id) has no seed: give its rows a `seed` field or put run.json beside the transcript")
        }
        if let other = turns.first(where: { $0.seed != nil && $0.seed != seed }) {
            throw ConvergeError(.transcript, "\(transcript.path): conversation \(id) has two different seeds (turn \(other.turn))")
        }
        return seed
    }

    /// The unterminated last line of a file and its 1-based number, if the file does not end with a
    /// line break.
    private static func partialLastLine(_ url: URL) throws -> (data: Data, number: Int)? {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConvergeError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let last = lines.last, !last.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { return nil }
        return (Data(last), lines.count)
    }
}
