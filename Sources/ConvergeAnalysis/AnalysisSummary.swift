public import ConvergeDetection

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

/// A verdict on one conversation; `onset` is written as null when it did not converge.
public struct Verdict: Codable, Sendable, Equatable {
    public var converged: Bool
    public var onset: Int?

    init(_ verdict: ConvergenceVerdict) {
        converged = verdict.converged
        onset = verdict.onset
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(converged, forKey: .converged)
        try container.encode(onset, forKey: .onset)
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
