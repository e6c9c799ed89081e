public import ConvergeCore
public import ConvergeStore
public import Foundation

/// One conversation of a run directory: its seed and its turns in order, turn 1 first.
public struct ConversationTranscript: Sendable, Equatable {
    /// The conversation's number: the transcript's `conversation` field, or for string ids a
    /// number assigned in the ids' sorted order.
    public var id: Int
    /// The transcript's `conversation` field when it is a string.
    public var name: String?
    public var seedIndex: Int
    public var replicate: Int
    /// The seed text the conversation started from.
    public var seed: String
    /// Every turn, ordered by turn number: `turns[t - 1]` is turn t.
    public var turns: [TurnRecord]

    /// - Parameters:
    ///   - id: the conversation number.
    ///   - seedIndex: the seed's index in the run.
    ///   - replicate: the replicate number.
    ///   - seed: the seed text.
    ///   - turns: the turns in order.
    ///   - name: the transcript's string id, if it has one.
    public init(id: Int, seedIndex: Int, replicate: Int, seed: String, turns: [TurnRecord], name: String? = nil) {
        self.id = id
        self.name = name
        self.seedIndex = seedIndex
        self.replicate = replicate
        self.seed = seed
        self.turns = turns
    }

    /// The id every output writes: the transcript's own, string or number.
    public var identifier: ConversationID { name.map(ConversationID.name) ?? .number(id) }

    /// The output texts in turn order.
    public var outputs: [String] { turns.map(\.text) }
}

/// A run directory as the analysis commands see it: `transcript.jsonl`, and `run.json` when the run
/// came from `converge run`. Every file the analysis commands read or write is named here.
public struct RunDirectory: Sendable {
    public let url: URL
    /// The provenance, nil for a transcript from another tool.
    public var manifest: RunManifest?
    /// `run.json` verbatim, for the report.
    public var manifestText: String?
    /// The conversations ordered by their number.
    public var conversations: [ConversationTranscript]
    /// Problems that do not stop the analysis, one line each (an unfinished conversation, say).
    public var warnings: [String]

    public init(
        url: URL, manifest: RunManifest?, manifestText: String?, conversations: [ConversationTranscript],
        warnings: [String] = []
    ) {
        self.url = url
        self.manifest = manifest
        self.manifestText = manifestText
        self.conversations = conversations
        self.warnings = warnings
    }

    /// The directory's name, used as the run's identity in labels and reports.
    public var name: String { url.standardizedFileURL.lastPathComponent }

    public var transcriptURL: URL { Self.transcriptURL(in: url) }
    public var manifestURL: URL { url.appendingPathComponent("run.json") }
    public var metricsURL: URL { url.appendingPathComponent("metrics.csv") }
    public var summaryURL: URL { url.appendingPathComponent("summary.json") }
    public var tsneURL: URL { url.appendingPathComponent("tsne.csv") }
    public var similarityURL: URL { url.appendingPathComponent("similarity.json") }
    public var labelsURL: URL { url.appendingPathComponent("labels.jsonl") }

    static func transcriptURL(in directory: URL) -> URL { directory.appendingPathComponent("transcript.jsonl") }
}
