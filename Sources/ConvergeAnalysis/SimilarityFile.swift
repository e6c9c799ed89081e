public import ConvergeCore
import ConvergeMetrics
public import Foundation

/// Turn × turn cosine similarity of one conversation's texts, seed included as turn 0: a loop shows
/// as a bright block in the report's recurrence plot.
public struct ConversationSimilarity: Codable, Sendable, Equatable {
    public var conversation: ConversationID
    /// The turn of row 0; 0, the seed.
    public var firstTurn: Int
    /// `values[i][j]` is the cosine similarity of turns `firstTurn + i` and `firstTurn + j`.
    public var values: [[Double]]

    enum CodingKeys: String, CodingKey {
        case conversation, values
        case firstTurn = "first_turn"
    }

    /// The matrix of a conversation with embeddings.
    init(_ entry: ConversationMetrics) {
        conversation = entry.conversation.identifier
        firstTurn = 0
        let vectors = entry.embeddings
        values = vectors.map { a in vectors.map { b in CosineDistance.similarity(a, b) } }
    }
}

/// `similarity.json`: one `ConversationSimilarity` per conversation, for the report.
public enum SimilarityFile {
    /// - Throws: `ConvergeError` (code `.io`) when the file is missing or malformed.
    public static func read(_ url: URL) throws -> [ConversationSimilarity] {
        do {
            return try JSONDecoder().decode([ConversationSimilarity].self, from: Data(contentsOf: url))
        } catch {
            throw ConvergeError(.io, "cannot read \(url.path) as similarity matrices: \(error.localizedDescription)")
        }
    }
}
