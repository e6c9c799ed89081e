public import ConvergeDetection
import ConvergeStatistics

/// `summary.json`: the run's headline numbers, written by `converge analyze` and read by the report.
/// Keys are snake_case; the detector settings keep the detector file's own format.
public struct AnalysisSummary: Codable, Sendable, Equatable {
    /// The run directory's name.
    public var run: String
    public var conversationCount: Int
    public var turnCount: Int
    /// The embedder behind cosine and coherence, as it names itself.
    public var embedder: String
    /// The detector settings used, exactly as in a detector file; its provenance says who made the
    /// labels the thresholds rest on.
    public var detectorSettings: ConvergenceDetectors
    /// The verdict to use when only one is wanted; a key of `verdicts` and of every conversation entry.
    public var defaultVerdict: VerdictName
    /// Every named verdict over the run, side by side.
    public var verdicts: [VerdictName: VerdictOutcome]
    /// Signature strings, keyed by metric (`bleu`, `jaccard`, …), so another tool can tell whether
    /// its numbers are comparable.
    public var signatures: [String: String]
    /// Figures per agent and model.
    public var models: [ModelFigures]
    /// Every conversation's verdicts and self-BLEU, in order.
    public var conversations: [ConversationResult]
    /// The t-SNE run behind `tsne.csv`; nil when it was skipped.
    public var tsne: TSNERecord?

    enum CodingKeys: String, CodingKey {
        case run, embedder, verdicts, signatures, models, conversations, tsne
        case conversationCount = "conversation_count"
        case turnCount = "turn_count"
        case detectorSettings = "detector_settings"
        case defaultVerdict = "default_verdict"
    }

    /// The run-level result of one verdict; a summary always holds every verdict.
    public subscript(verdict: VerdictName) -> VerdictOutcome {
        guard let result = verdicts[verdict] else { preconditionFailure("summary has no \(verdict.rawValue) verdict") }
        return result
    }
}

extension AnalysisSummary {
    /// Reads a summary; one written before the Kaplan–Meier curves were stored gets them from its
    /// conversations, so every reader finds them in one place.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(String.self, forKey: .run)
        conversationCount = try c.decode(Int.self, forKey: .conversationCount)
        turnCount = try c.decode(Int.self, forKey: .turnCount)
        embedder = try c.decode(String.self, forKey: .embedder)
        detectorSettings = try c.decode(ConvergenceDetectors.self, forKey: .detectorSettings)
        defaultVerdict = try c.decode(VerdictName.self, forKey: .defaultVerdict)
        verdicts = try c.decode([VerdictName: VerdictOutcome].self, forKey: .verdicts)
        signatures = try c.decode([String: String].self, forKey: .signatures)
        models = try c.decode([ModelFigures].self, forKey: .models)
        conversations = try c.decode([ConversationResult].self, forKey: .conversations)
        tsne = try c.decodeIfPresent(TSNERecord.self, forKey: .tsne)
        for (name, outcome) in verdicts where outcome.kaplanMeier == nil {
            verdicts[name]?.kaplanMeier = KaplanMeier(onsets: conversations.map { $0[name].onset }, lastTurns: conversations.map(\.turns))
        }
    }
}

/// How `tsne.csv` was made.
public struct TSNERecord: Codable, Sendable, Equatable {
    public var points: Int
    public var klDivergence: Double
    public var perplexity: Double
    public var method: String
    public var iterations: Int

    enum CodingKeys: String, CodingKey {
        case points, perplexity, method, iterations
        case klDivergence = "kl_divergence"
    }
}
