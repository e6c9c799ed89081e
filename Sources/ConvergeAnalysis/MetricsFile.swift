import ConvergeCore
import ConvergeMetrics
public import Foundation

/// `metrics.csv`: one row per turn of every conversation, every metric for every pair
/// (docs/METRICS.md, "Per-turn series").
public enum MetricsFile {
    /// The columns that say which turn a row is, before the metric columns.
    public static let identityColumns = ["conversation", "seed_index", "replicate", "turn", "agent", "model"]

    /// The full header: the identity columns, then every `TurnMetric` column in declaration order.
    public static var header: [String] { identityColumns + TurnMetric.allCases.map(\.rawValue) }

    /// The CSV text for a run's metrics.
    /// - Parameter metrics: every conversation's series.
    /// - Returns: the header and one row per turn, conversations in order.
    public static func text(_ metrics: [ConversationMetrics]) -> String {
        var text = CSV.line(header)
        for entry in metrics {
            for (turn, row) in zip(entry.conversation.turns, entry.series) {
                let identity = [
                    entry.conversation.identifier.description, String(entry.conversation.seedIndex), String(entry.conversation.replicate),
                    String(turn.turn), turn.agent.rawValue, turn.model,
                ]
                text += CSV.line(identity + row.csvFields.dropFirst())
            }
        }
        return text
    }

    /// Reads the series back for the given conversations.
    /// - Parameters:
    ///   - url: the `metrics.csv` file.
    ///   - conversations: the run's conversations; every turn of each must have its row.
    /// - Returns: one entry per conversation, without embeddings.
    /// - Throws: `ConvergeError` (code `.io`) when the file is unreadable, lacks a column, has a
    ///   malformed number, or does not cover the transcript (it is then out of date).
    public static func read(_ url: URL, conversations: [ConversationTranscript]) throws -> [ConversationMetrics] {
        guard let text = try? String(contentsOf: url, encoding: .utf8), let rows = CSV.parse(text), let names = rows.first else {
            throw ConvergeError(.io, "cannot read \(url.path) as CSV")
        }
        guard let conversationColumn = names.firstIndex(of: "conversation"), let turnColumn = names.firstIndex(of: "turn") else {
            throw ConvergeError(.io, "\(url.path) has no conversation or turn column")
        }
        var columns: [(TurnMetric, Int)] = []
        for metric in TurnMetric.allCases {
            guard let index = names.firstIndex(of: metric.rawValue) else {
                throw ConvergeError(.io, "\(url.path) has no \(metric.rawValue) column (written by an older converge?)")
            }
            columns.append((metric, index))
        }
        var rowsByTurn: [String: [Int: TurnMetrics]] = [:]
        for (offset, fields) in rows.dropFirst().enumerated() {
            let line = offset + 2
            guard fields.count == names.count, let turn = Int(fields[turnColumn]) else {
                throw ConvergeError(.io, "\(url.path) line \(line) does not match the header")
            }
            var row = TurnMetrics(turn: turn)
            for (metric, index) in columns where !fields[index].isEmpty {
                guard let value = Double(fields[index]) else {
                    throw ConvergeError(.io, "\(url.path) line \(line): \(metric.rawValue) '\(fields[index])' is not a number")
                }
                row[metric] = value
            }
            rowsByTurn[fields[conversationColumn], default: [:]][turn] = row
        }
        return try conversations.map { conversation in
            let series = try conversation.turns.map { turn in
                guard let row = rowsByTurn[conversation.identifier.description]?[turn.turn] else {
                    throw ConvergeError(
                        .io, "\(url.path) has no row for conversation \(conversation.identifier) turn \(turn.turn); it is out of date")
                }
                return row
            }
            return ConversationMetrics(conversation: conversation, series: series)
        }
    }
}
