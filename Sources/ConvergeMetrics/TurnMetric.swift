/// One column of the per-turn metric series; the raw value is the `metrics.csv` column name and
/// the name used in detector JSON files (docs/METRICS.md, "Per-turn series").
///
/// Pairs: `prev` is o_t against o_{t−1} (the seed for t = 1), `self` is o_t against o_{t−2}, `seed`
/// is o_t against the seed. The hypothesis is always o_t, the later text.
public enum TurnMetric: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case bleuPrev = "bleu_prev"
    case bleuDistancePrev = "bleu_distance_prev"
    case jaccardDistancePrev = "jaccard_distance_prev"
    case cosineDistancePrev = "cosine_distance_prev"
    case bleuSelf = "bleu_self"
    case bleuDistanceSelf = "bleu_distance_self"
    case jaccardDistanceSelf = "jaccard_distance_self"
    case cosineDistanceSelf = "cosine_distance_self"
    case bleuSeed = "bleu_seed"
    case bleuDistanceSeed = "bleu_distance_seed"
    case jaccardDistanceSeed = "jaccard_distance_seed"
    case cosineDistanceSeed = "cosine_distance_seed"
    /// Coherence of o_t; nil for fewer than two sentences.
    case coherence
    /// |coherence(o_t) − coherence(o_{t−1})|, with the seed as o_0.
    case coherenceDifference = "coherence_difference"
    /// Coherence of o_t's distinct sentences, exact repeats dropped; nil for fewer than two.
    case coherenceDistinct = "coherence_distinct"
    case distinct1 = "distinct_1"
    case distinct2 = "distinct_2"
    /// rep-4 within o_t.
    case rep4 = "rep_4"
    /// Compression ratio of o_t.
    case compressionRatio = "compression_ratio"
    /// rep-4 of o_{t−1} and o_t joined by a line break: repetition across the turn boundary.
    case rep4Window = "rep_4_window"
    /// Compression ratio of o_{t−1} and o_t joined by a line break.
    case compressionRatioWindow = "compression_ratio_window"
    /// The share of o_t's 4-grams already seen in o_{t−2}, o_{t−1} or earlier in o_t, digits
    /// normalised: cycles between the agents and loops inside numbered scaffolding.
    case recurrence4 = "recurrence_4"

    /// The four pairwise columns of one pair, in the order BLEU, BLEU distance, Jaccard, cosine.
    static func pairColumns(_ pair: TurnPair) -> [TurnMetric] {
        switch pair {
        case .previous: [.bleuPrev, .bleuDistancePrev, .jaccardDistancePrev, .cosineDistancePrev]
        case .ownPrevious: [.bleuSelf, .bleuDistanceSelf, .jaccardDistanceSelf, .cosineDistanceSelf]
        case .seed: [.bleuSeed, .bleuDistanceSeed, .jaccardDistanceSeed, .cosineDistanceSeed]
        }
    }
}

/// Which earlier text a turn's output is compared with.
public enum TurnPair: String, CaseIterable, Codable, Sendable {
    /// o_{t−1}, the other model's output; the seed for turn 1, since that is the text model A
    /// continued.
    case previous = "prev"
    /// o_{t−2}, the same model's previous output; none for turns 1 and 2.
    case ownPrevious = "self"
    /// The seed.
    case seed
}

/// The metrics of one turn: one row of `metrics.csv`.
public struct TurnMetrics: Codable, Equatable, Sendable {
    /// 1-based turn number.
    public var turn: Int
    /// Every defined value; a metric that is undefined or was not computed (cosine without
    /// embeddings) is absent.
    public var values: [TurnMetric: Double]

    /// - Parameters:
    ///   - turn: 1-based turn number.
    ///   - values: the defined values.
    public init(turn: Int, values: [TurnMetric: Double] = [:]) {
        self.turn = turn
        self.values = values
    }

    /// The value of one metric, nil when undefined.
    public subscript(metric: TurnMetric) -> Double? {
        get { values[metric] }
        set { values[metric] = newValue }
    }

    /// The CSV header: `turn` and every `TurnMetric` column in declaration order.
    public static let csvHeader: [String] = ["turn"] + TurnMetric.allCases.map(\.rawValue)

    /// The CSV fields matching `csvHeader`. Numbers use Swift's shortest round-trip form, which
    /// reads back to the same `Double`; an undefined value is an empty field.
    public var csvFields: [String] {
        [String(turn)] + TurnMetric.allCases.map { values[$0].map { "\($0)" } ?? "" }
    }
}
