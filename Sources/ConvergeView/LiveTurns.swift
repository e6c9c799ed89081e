import ConvergeCore
import ConvergeStore
import Foundation

/// `/api/turns?run=PATH&after=N`: the turns of a run's transcript from line N on, for the page's
/// script to append. The transcript file is read on every request, so a turn shows as soon as it
/// is synced to disk.
struct LiveTurns: Encodable {
    struct Turn: Encodable {
        /// The conversation's id as the page shows it (`data-conversation`).
        var conversation: String
        var turn: Int
        var agent: String
        var model: String
        var tokens: Int
        var text: String
    }

    var state: String
    var turnsDone: Int
    var turnsPlanned: Int?
    var turns: [Turn]

    enum CodingKeys: String, CodingKey {
        case state, turns
        case turnsDone = "turns_done"
        case turnsPlanned = "turns_planned"
    }

    static func after(_ index: Int, in entry: ViewerEntry) -> LiveTurns {
        let records = (try? TranscriptFile.read(entry.url.appendingPathComponent("transcript.jsonl"))) ?? []
        let turns = records.dropFirst(max(index, 0)).map { record in
            Turn(
                conversation: record.conversationName ?? String(record.conversation), turn: record.turn,
                agent: record.agent.rawValue, model: record.model, tokens: record.tokens, text: record.text)
        }
        return LiveTurns(state: entry.state.rawValue, turnsDone: records.count, turnsPlanned: entry.turnsPlanned, turns: turns)
    }

    /// JSON with every `<` written as `\u003c`, so no reader that sniffs or embeds it can see a tag.
    func json() throws -> String {
        let text = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
