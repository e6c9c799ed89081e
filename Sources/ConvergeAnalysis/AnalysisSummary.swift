public import ConvergeMetrics

/// `summary.json`: the run's headline numbers, written by `converge analyze` and read by the report.
/// Keys are snake_case; the detector settings keep the detector file's own format.
public struct AnalysisSummary: Codable, Sendable, Equatable {
    /// The run directory's name.
    public var run: String
    public var conversationCount: Int
    public var turnCount: Int
    /// The embedder behind cosine and coherence, as it names itself.
    public var embedder: String
    /// The detector settings used, exactly as in a detector file.
    public var detectorSettings: ConvergenceDetectors
    /// The study's rule and the tool's own detector, side by side.
    public var study: DetectorResult
    public var loop: DetectorResult
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
        case run, embedder, study, loop, signatures, models, conversations, tsne
        case conversationCount = "conversation_count"
        case turnCount = "turn_count"
        case detectorSettings = "detector_settings"
    }
}

/// One detector over the whole run: converged count / total with its Wilson 95% CI, and the onsets.
public struct DetectorResult: Codable, Sendable, Equatable {
    /// What the rule is, in one line.
    public var description: String
    public var converged: Int
    public var total: Int
    /// converged / total.
    public var fraction: Double
    /// The Wilson 95% score interval of `fraction` (docs/METRICS.md, "Statistics").
    public var ciLow: Double
    public var ciHigh: Double
    /// The onset distribution; nil when nothing converged.
    public var onsets: OnsetDistribution?

    enum CodingKeys: String, CodingKey {
        case description, converged, total, fraction, onsets
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
    }
}

/// The onset turns of the converged conversations (docs/METRICS.md, "Onset distribution").
public struct OnsetDistribution: Codable, Sendable, Equatable {
    public var count: Int
    public var min: Int
    public var max: Int
    public var mean: Double
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// Converged conversations per onset turn, ascending by turn.
    public var histogram: [Bin]

    public struct Bin: Codable, Sendable, Equatable {
        public var turn: Int
        public var count: Int
    }

    init(_ summary: OnsetSummary) {
        count = summary.count
        min = summary.minimum
        max = summary.maximum
        mean = summary.mean
        q1 = summary.lowerQuartile
        median = summary.median
        q3 = summary.upperQuartile
        histogram = summary.histogram.map { Bin(turn: $0.turn, count: $0.count) }
    }
}

/// One conversation's verdicts.
public struct ConversationResult: Codable, Sendable, Equatable {
    public var conversation: Int
    public var seedIndex: Int
    public var replicate: Int
    public var turns: Int
    /// Self-BLEU over its outputs, 0–100; nil for fewer than two outputs.
    public var selfBLEU: Double?
    public var study: Verdict
    public var loop: Verdict

    enum CodingKeys: String, CodingKey {
        case conversation, replicate, turns, study, loop
        case seedIndex = "seed_index"
        case selfBLEU = "self_bleu"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(seedIndex, forKey: .seedIndex)
        try container.encode(replicate, forKey: .replicate)
        try container.encode(turns, forKey: .turns)
        // An explicit null: a reader should see that self-BLEU is undefined, not wonder whether it was computed.
        try container.encode(selfBLEU, forKey: .selfBLEU)
        try container.encode(study, forKey: .study)
        try container.encode(loop, forKey: .loop)
    }
}

/// A detector's verdict on one conversation; `onset` is written as null when it did not converge.
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
