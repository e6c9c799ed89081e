public import ConvergeAnalysis
import ConvergeCore
public import ConvergeDetection
public import ConvergeStore
import Foundation

/// What `converge compare` needs of one condition: each conversation's identity, length, verdicts
/// and self-BLEU from `summary.json`, and the settings from `run.json` that say how it was made.
public struct ConditionInput: Sendable {
    /// One conversation.
    public struct Conversation: Sendable {
        /// The seed and replicate, which pair conversations across conditions; nil when unknown.
        public var seedIndex: Int?
        public var replicate: Int?
        /// Its last turn, where a conversation that never converged is censored.
        public var turns: Int
        public var selfBLEU: Double?
        /// Verdicts keyed by detector (`study`, `loop`).
        public var verdicts: [String: ConvergenceVerdict]
        /// The transcript's conversation number; nil for a named conversation of another tool.
        public var number: Int?
        /// Whether the loop detector's looping-at-the-end verdict holds at each turn; what a branch
        /// condition's escape share reads. Empty when the per-turn metrics were not loaded.
        public var loopingByTurn: [Bool]

        public init(
            seedIndex: Int?, replicate: Int?, turns: Int, selfBLEU: Double?, verdicts: [String: ConvergenceVerdict], number: Int? = nil,
            loopingByTurn: [Bool] = []
        ) {
            self.seedIndex = seedIndex
            self.replicate = replicate
            self.turns = turns
            self.selfBLEU = selfBLEU
            self.verdicts = verdicts
            self.number = number
            self.loopingByTurn = loopingByTurn
        }
    }

    /// A leaf of `run.json`.
    public enum Setting: Sendable, Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)

        public var description: String {
            switch self {
            case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            case .text(let value): value
            }
        }
    }

    public var name: String
    public var conversations: [Conversation]
    /// `run.json` flattened to dotted keys (`configuration.sampler.temperature`); arrays are kept as
    /// their JSON text. Empty for a transcript from another tool.
    public var settings: [String: Setting]
    /// What the condition branches, from `run.json`; nil for a run that started from its seeds.
    public var branch: RunBranch?

    public init(name: String, conversations: [Conversation], settings: [String: Setting] = [:], branch: RunBranch? = nil) {
        self.name = name
        self.conversations = conversations
        self.settings = settings
        self.branch = branch
    }

    /// A condition from its analysis and its `run.json` text.
    /// - Parameters:
    ///   - name: the condition's name.
    ///   - summary: its `summary.json`.
    ///   - metrics: the per-turn metrics, in the summary's conversation order, for the escape share
    ///     of branch conditions; empty when not loaded.
    ///   - manifestText: its `run.json`, nil when there is none.
    public init(name: String, summary: AnalysisSummary, metrics: [ConversationMetrics] = [], manifestText: String?) {
        self.name = name
        let loop = summary.detectorSettings.loop
        conversations = summary.conversations.enumerated().map { position, entry in
            let number: Int? =
                switch entry.conversation {
                case .number(let value): value
                case .name: nil
                }
            return Conversation(
                seedIndex: entry.seedIndex, replicate: entry.replicate, turns: entry.turns, selfBLEU: entry.selfBLEU,
                verdicts: Dictionary(uniqueKeysWithValues: Comparison.detectors.map { detector in (detector, entry[Comparison.verdict(detector)]) }),
                number: number, loopingByTurn: metrics.indices.contains(position) ? loop.loopingByTurn(metrics[position].series) : [])
        }
        settings = Self.settings(manifestText: manifestText)
        branch = manifestText.flatMap { try? JSONDecoder().decode(BranchField.self, from: Data($0.utf8)).branch }
    }

    /// The one field of `run.json` read whole.
    private struct BranchField: Decodable {
        var branch: RunBranch?
    }

    /// `run.json` flattened; empty when there is none or it is not JSON.
    static func settings(manifestText: String?) -> [String: Setting] {
        var settings: [String: Setting] = [:]
        if let data = manifestText?.data(using: .utf8), let tree = try? JSONDecoder().decode(JSONTree.self, from: data) {
            tree.flatten(prefix: "", into: &settings)
        }
        return settings
    }
}

/// Any JSON value, so `run.json` can be read whole whatever fields a version of the tool wrote.
private enum JSONTree: Decodable {
    case flag(Bool)
    case number(Double)
    case text(String)
    case object([String: JSONTree])
    case array([JSONTree])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Bool first: a JSON number never decodes as Bool, and `true` never as a number.
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let object = try? container.decode([String: JSONTree].self) {
            self = .object(object)
        } else {
            self = .array(try container.decode([JSONTree].self))
        }
    }

    func flatten(prefix: String, into settings: inout [String: ConditionInput.Setting]) {
        switch self {
        case .flag(let flag): settings[prefix] = .text(flag ? "true" : "false")
        case .number(let number): settings[prefix] = .number(number)
        case .text(let text): settings[prefix] = .text(text)
        case .object(let object):
            for (key, child) in object { child.flatten(prefix: prefix.isEmpty ? key : prefix + "." + key, into: &settings) }
        case .array(let items):
            // Arrays (seeds, stop strings) are compared whole, as one categorical value.
            settings[prefix] = .text("[" + items.map(\.text).joined(separator: ",") + "]")
        case .null: break
        }
    }

    private var text: String {
        switch self {
        case .flag(let flag): flag ? "true" : "false"
        case .number(let number): String(number)
        case .text(let text): text.debugDescription
        case .object(let object): "{" + object.keys.sorted().map { $0.debugDescription + ":" + object[$0]!.text }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .null: "null"
        }
    }
}
