public import ConvergeCore

/// One conversation: its transcript, its per-turn metrics and what the detectors decided.
public struct ConversationReport: Sendable {
    public var id: Int
    /// The transcript's own id when it is a string ("conv_0042"); shown in place of `id`.
    public var name: String?
    public var seed: String
    /// Every turn in order (turn 1 first).
    public var turns: [TurnRecord]
    /// Per-turn metric values keyed by `metrics.csv` column, e.g. `bleu_distance_prev`. Index 0 is
    /// turn 1; nil where the metric is undefined (`self` on turn 1, for example).
    public var series: [String: [Double?]]
    /// The convergence threshold of each series that has one, keyed like `series`.
    public var thresholds: [String: Double]
    /// One entry per detector, in the same order as `ReportInput.detectors`.
    public var detections: [Detection]
    /// Turn × turn similarity, drawn as a recurrence plot; nil to leave it out.
    public var similarity: SimilarityMatrix?
    /// Interventions applied during the conversation, if any.
    public var interventions: [Intervention]

    public init(
        id: Int, seed: String, turns: [TurnRecord], series: [String: [Double?]] = [:],
        thresholds: [String: Double] = [:], detections: [Detection] = [], similarity: SimilarityMatrix? = nil,
        interventions: [Intervention] = [], name: String? = nil
    ) {
        self.id = id
        self.name = name
        self.seed = seed
        self.turns = turns
        self.series = series
        self.thresholds = thresholds
        self.detections = detections
        self.similarity = similarity
        self.interventions = interventions
    }

    /// The id a reader sees: the transcript's string id, or the number.
    public var label: String { name ?? String(id) }
}

/// What one detector decided for one conversation.
public struct Detection: Sendable, Equatable {
    public var detector: String
    public var converged: Bool
    /// First turn of the converged stretch; nil when the conversation did not converge.
    public var onset: Int?

    public init(detector: String, converged: Bool, onset: Int?) {
        self.detector = detector
        self.converged = converged
        self.onset = onset
    }
}

/// A square matrix of similarities between the outputs of one conversation.
public struct SimilarityMatrix: Sendable, Equatable {
    /// What the values are, e.g. `cosine similarity`; used as the colour-scale title.
    public var label: String
    /// `values[i][j]` compares output `firstTurn + i` with output `firstTurn + j`.
    public var values: [[Double]]
    /// The turn of row 0: 1, or 0 when the seed is included as turn 0.
    public var firstTurn: Int
    /// The values mapped to the two ends of the colour scale; values outside are clamped.
    public var domain: ClosedRange<Double>

    public init(label: String, values: [[Double]], firstTurn: Int = 1, domain: ClosedRange<Double> = 0...1) {
        self.label = label
        self.values = values
        self.firstTurn = firstTurn
        self.domain = domain
    }
}

/// Something the tool did to the conversation before a turn (a perturbation, a new instruction, …).
public struct Intervention: Sendable, Equatable {
    public var turn: Int
    public var description: String

    public init(turn: Int, description: String) {
        self.turn = turn
        self.description = description
    }
}

/// The mean of one metric over all conversations at each turn, with its 95% band.
public struct AggregateSeries: Sendable, Equatable {
    /// e.g. `bleu_distance`.
    public var metric: String
    /// `prev`, `self` or `seed`.
    public var pair: String
    /// Index 0 is turn 1; nil where no conversation has a value.
    public var mean: [Double?]
    public var low: [Double?]
    public var high: [Double?]

    public init(metric: String, pair: String, mean: [Double?], low: [Double?], high: [Double?]) {
        self.metric = metric
        self.pair = pair
        self.mean = mean
        self.low = low
        self.high = high
    }
}

/// One output (or seed) placed by t-SNE.
public struct TSNEPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var conversation: Int
    /// 0 for the seed.
    public var turn: Int
    /// nil for the seed.
    public var agent: Agent?
    public var isSeed: Bool
    /// A short excerpt shown as the point's tooltip; escaped like every other text.
    public var label: String

    public init(
        x: Double, y: Double, conversation: Int, turn: Int, agent: Agent?, isSeed: Bool, label: String = ""
    ) {
        self.x = x
        self.y = y
        self.conversation = conversation
        self.turn = turn
        self.agent = agent
        self.isSeed = isSeed
        self.label = label
    }
}
