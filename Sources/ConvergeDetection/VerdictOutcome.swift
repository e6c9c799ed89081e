public import ConvergeStatistics

/// One verdict over a set of conversations (a run, or a condition of an experiment): k of n
/// converged with its Wilson 95% interval, the onsets and, where the last turns are known, the time
/// to loop (docs/METRICS.md, "Statistics"). The one outcome type: `summary.json`'s verdicts,
/// `comparison.json`'s conditions, the report's headline cards and the viewer's rates are all this.
public struct VerdictOutcome: Sendable, Equatable {
    public var verdict: VerdictName
    /// What the rule is, in one line.
    public var description: String
    public var rate: ConvergenceRate
    /// The onset turn of every converged conversation, in conversation order.
    public var onsets: [Int]
    /// Their distribution; nil when none converged.
    public var onsetSummary: OnsetSummary?
    /// Time to loop over every conversation, the unconverged censored at their last turn; nil when
    /// the last turns were not given or there are no conversations.
    public var kaplanMeier: KaplanMeier?

    public var converged: Int { rate.converged }
    public var total: Int { rate.total }
    public var fraction: Double { rate.fraction }
    public var ciLow: Double { rate.ciLow }
    public var ciHigh: Double { rate.ciHigh }

    /// - Parameters:
    ///   - verdict: the verdict counted.
    ///   - description: the rule in one line.
    ///   - verdicts: one verdict per conversation, in conversation order.
    ///   - lastTurns: each conversation's last turn, for the Kaplan–Meier curve; nil to skip it.
    public init(verdict: VerdictName, description: String = "", verdicts: [ConvergenceVerdict], lastTurns: [Int]? = nil) {
        let onsets = verdicts.map(\.onset)
        self.init(
            verdict: verdict, description: description, rate: ConvergenceRate(converged: onsets.count { $0 != nil }, total: onsets.count),
            onsets: onsets.compactMap { $0 }, kaplanMeier: lastTurns.flatMap { KaplanMeier(onsets: onsets, lastTurns: $0) })
    }

    private init(verdict: VerdictName, description: String, rate: ConvergenceRate, onsets: [Int], kaplanMeier: KaplanMeier?) {
        self.verdict = verdict
        self.description = description
        self.rate = rate
        self.onsets = onsets
        onsetSummary = OnsetSummary(onsets: onsets)
        self.kaplanMeier = kaplanMeier
    }
}

extension VerdictOutcome: Codable {
    /// `onsets` is the distribution, as `summary.json` has always written it; the turns themselves
    /// are `onset_turns`. The rate's own keys sit beside these in the same object.
    enum CodingKeys: String, CodingKey {
        case verdict, description
        case onsetSummary = "onsets"
        case onsets = "onset_turns"
        case kaplanMeier = "kaplan_meier"
    }

    /// Reads an outcome; inside `summary.json`'s `verdicts` the verdict is the entry's key, and a
    /// summary written before `onset_turns` existed gives the turns in ascending order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = decoder.codingPath.last.flatMap { VerdictName(stringValue: $0.stringValue) }
        guard let verdict = try container.decodeIfPresent(VerdictName.self, forKey: .verdict) ?? key else {
            throw DecodingError.keyNotFound(CodingKeys.verdict, .init(codingPath: decoder.codingPath, debugDescription: "an outcome names no verdict"))
        }
        let summary = try container.decodeIfPresent(OnsetSummary.self, forKey: .onsetSummary)
        let histogram = summary?.histogram.flatMap { Array(repeating: $0.turn, count: $0.count) } ?? []
        self.init(
            verdict: verdict, description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            rate: try ConvergenceRate(from: decoder), onsets: try container.decodeIfPresent([Int].self, forKey: .onsets) ?? histogram,
            kaplanMeier: try container.decodeIfPresent(KaplanMeier.self, forKey: .kaplanMeier))
    }

    public func encode(to encoder: any Encoder) throws {
        try rate.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(description, forKey: .description)
        try container.encodeIfPresent(onsetSummary, forKey: .onsetSummary)
        try container.encode(onsets, forKey: .onsets)
        try container.encodeIfPresent(kaplanMeier, forKey: .kaplanMeier)
    }
}
