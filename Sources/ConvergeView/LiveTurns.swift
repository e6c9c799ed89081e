import ConvergeCore
import ConvergeStore
import Foundation

/// `/api/turns?run=PATH&after=N[&wait=S]`: the turns of a run's transcript from line N on, for the
/// page's script to append, and the charts of the conversations they belong to, drawn again. The
/// transcript file is read on every request, so a turn shows as soon as it is synced to disk.
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
    var charts: [LiveChart]

    enum CodingKeys: String, CodingKey {
        case state, turns, charts
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
        let charts = LiveChart.charts(of: Set(turns.map(\.conversation)), in: entry)
        return LiveTurns(
            state: entry.state.rawValue, turnsDone: records.count, turnsPlanned: entry.turnsPlanned, turns: turns, charts: charts)
    }

    /// A long poll: while the run is running and has no turn after `index`, the answer waits, up to
    /// `seconds` (at most 10), so a new turn reaches the page as soon as it is on disk instead of
    /// at the next poll.
    /// - Parameter entry: reads the run's entry afresh; its state and turn count decide.
    static func after(_ index: Int, waitingUpTo seconds: Double, for entry: () throws -> ViewerEntry) async throws -> LiveTurns {
        let deadline = ContinuousClock.now + .milliseconds(Int(min(max(seconds, 0), 10) * 1000))
        var current = try entry()
        while current.state == .running, current.turnsDone <= index, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            current = try entry()
        }
        return after(index, in: current)
    }

    /// JSON with every `<` written as `\u003c`, so no reader that sniffs or embeds it can see a tag.
    func json() throws -> String {
        let text = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
