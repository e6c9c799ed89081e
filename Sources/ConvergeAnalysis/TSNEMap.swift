public import ConvergeCore
import ConvergeTSNE
public import Foundation

/// One point of `tsne.csv`: a seed (turn 0, no agent) or an output.
public struct TSNERow: Sendable, Equatable {
    public var conversation: ConversationID
    /// 0 for the seed.
    public var turn: Int
    /// nil for the seed.
    public var agent: Agent?
    public var x: Double
    public var y: Double

    public init(conversation: ConversationID, turn: Int, agent: Agent?, x: Double, y: Double) {
        self.conversation = conversation
        self.turn = turn
        self.agent = agent
        self.x = x
        self.y = y
    }
}

/// The run's t-SNE map (docs/METRICS.md, "t-SNE"): every output and each conversation's seed, with the
/// paper settings, written as `tsne.csv` with columns `conversation,turn,agent,x,y` (seed rows have
/// turn 0 and an empty agent).
public enum TSNEMap {
    public static let header = ["conversation", "turn", "agent", "x", "y"]

    /// Embeds every seed and output in 2-D.
    /// - Parameter metrics: conversations with their embeddings.
    /// - Returns: one row per seed and output, and how the map was made; nil when there are too few
    ///   points for t-SNE.
    /// - Throws: `ConvergeError` when t-SNE rejects the vectors, `CancellationError` when cancelled.
    static func compute(_ metrics: [ConversationMetrics]) throws -> (rows: [TSNERow], record: TSNERecord)? {
        var vectors: [[Float]] = []
        var rows: [TSNERow] = []
        for entry in metrics {
            for (turn, vector) in entry.embeddings.enumerated() {
                vectors.append(vector)
                let agent = turn == 0 ? nil : entry.conversation.turns[turn - 1].agent
                rows.append(TSNERow(conversation: entry.conversation.identifier, turn: turn, agent: agent, x: 0, y: 0))
            }
        }
        let result: TSNEResult
        do {
            result = try tsne(vectors, configuration: .paper)
        } catch  where error.code == .tooFewPoints {
            return nil
        } catch  where error.code == .cancelled {
            throw CancellationError()
        } catch {
            throw ConvergeError(.backend, "t-SNE failed: \(error.message)")
        }
        for index in rows.indices {
            rows[index].x = result.coordinates[index][0]
            rows[index].y = result.coordinates[index][1]
        }
        let record = TSNERecord(
            points: rows.count, klDivergence: result.klDivergence, perplexity: result.effectivePerplexity,
            method: result.method.rawValue, iterations: result.iterations)
        return (rows, record)
    }

    /// The CSV text of a map.
    public static func text(_ rows: [TSNERow]) -> String {
        var text = CSV.line(header)
        for row in rows {
            text += CSV.line([row.conversation.description, String(row.turn), row.agent?.rawValue ?? "", "\(row.x)", "\(row.y)"])
        }
        return text
    }

    /// Reads `tsne.csv`.
    /// - Throws: `ConvergeError` (code `.io`) naming the file and line that does not parse.
    public static func read(_ url: URL) throws -> [TSNERow] {
        guard let text = try? String(contentsOf: url, encoding: .utf8), let lines = CSV.parse(text), lines.first == header else {
            throw ConvergeError(.io, "\(url.path) is not a t-SNE map with header \(header.joined(separator: ","))")
        }
        return try lines.dropFirst().enumerated().map { offset, fields in
            guard fields.count == 5, !fields[0].isEmpty, let turn = Int(fields[1]),
                let x = Double(fields[3]), let y = Double(fields[4])
            else { throw ConvergeError(.io, "\(url.path) line \(offset + 2) is not conversation,turn,agent,x,y") }
            let conversation = Int(fields[0]).map(ConversationID.number) ?? .name(fields[0])
            return TSNERow(conversation: conversation, turn: turn, agent: Agent(rawValue: fields[2]), x: x, y: y)
        }
    }
}
