public import ConvergeMetrics

/// The tool's own convergence detector (docs/METRICS.md, "Repetition loop detector").
///
/// Two observations from labelled transcripts drive it. Loops often show as repetition inside a
/// turn that the token limit cuts at shifting offsets, so it measures repetition over a window
/// that spans the turn boundary (`rep_4_window`, `compression_ratio_window`) instead of comparing
/// consecutive outputs. And some loops are escaped a few turns later, so it asks that the loop
/// persist to the end of the conversation.
///
/// A turn *loops* when any signal is at or above its threshold. An *episode* is a stretch of
/// looping turns in which no more than `maximumGap` consecutive turns fail to loop. A conversation
/// has converged when an episode has at least `minimumLoopTurns` looping turns and, with
/// `requiresPersistence`, that episode is still running at the last turn (at most `maximumGap`
/// non-looping turns after its last looping turn). The onset is the episode's first turn.
public struct RepetitionLoopDetector: ConvergenceDetector, Equatable {
    /// The signals and the value at or above which each marks a turn as looping.
    public var signals: [TurnMetric: Double]
    /// Looping turns an episode needs before it counts, like the study's k.
    public var minimumLoopTurns: Int
    /// Non-looping turns tolerated inside an episode and after its end.
    public var maximumGap: Int
    /// Whether the loop must last to the final turn; if false, the first qualifying episode counts.
    /// It picks the verdict of `detect` and of live trackers; every output carries all three loop
    /// verdicts anyway.
    public var requiresPersistence: Bool
    /// w of the dominant-loop verdict: the last w turns are inspected.
    public var dominantWindow: Int
    /// m of the dominant-loop verdict: looping turns needed among the last w.
    public var dominantMinimum: Int

    /// - Parameters:
    ///   - signals: the signal columns and thresholds.
    ///   - minimumLoopTurns: looping turns an episode needs, at least 1.
    ///   - maximumGap: non-looping turns tolerated, at least 0.
    ///   - requiresPersistence: whether the loop must last to the end.
    ///   - dominantWindow: w of the dominant-loop verdict, at least 1.
    ///   - dominantMinimum: m of the dominant-loop verdict, 1 ≤ m ≤ w.
    public init(
        signals: [TurnMetric: Double], minimumLoopTurns: Int = 3, maximumGap: Int = 1,
        requiresPersistence: Bool = true, dominantWindow: Int = 6, dominantMinimum: Int = 4
    ) {
        precondition(minimumLoopTurns >= 1, "minimumLoopTurns must be at least 1, got \(minimumLoopTurns)")
        precondition(maximumGap >= 0, "maximumGap must not be negative, got \(maximumGap)")
        precondition(
            (1...max(1, dominantWindow)).contains(dominantMinimum),
            "need 1 ≤ dominantMinimum ≤ dominantWindow, got \(dominantMinimum) of \(dominantWindow)")
        self.signals = signals
        self.minimumLoopTurns = minimumLoopTurns
        self.maximumGap = maximumGap
        self.requiresPersistence = requiresPersistence
        self.dominantWindow = dominantWindow
        self.dominantMinimum = dominantMinimum
    }

    enum CodingKeys: String, CodingKey {
        case signals, minimumLoopTurns, maximumGap, requiresPersistence, dominantWindow, dominantMinimum
    }

    /// Reads a detector file; files written before the dominant-loop verdict existed get its defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RepetitionLoopDetector(signals: [:])
        self.init(
            signals: try container.decode([TurnMetric: Double].self, forKey: .signals),
            minimumLoopTurns: try container.decode(Int.self, forKey: .minimumLoopTurns),
            maximumGap: try container.decode(Int.self, forKey: .maximumGap),
            requiresPersistence: try container.decode(Bool.self, forKey: .requiresPersistence),
            dominantWindow: try container.decodeIfPresent(Int.self, forKey: .dominantWindow) ?? defaults.dominantWindow,
            dominantMinimum: try container.decodeIfPresent(Int.self, forKey: .dominantMinimum) ?? defaults.dominantMinimum)
    }

    /// The calibrated setting (docs/METRICS.md, "Calibration"): rep-4 of two joined outputs at
    /// least 0.3, their compression ratio at least 2.8, or recurrence at least 0.5; 3 looping
    /// turns in a row; dominant loop when 6 of the last 8 turns loop.
    public static let calibrated = RepetitionLoopDetector(
        signals: [.rep4Window: 0.3, .compressionRatioWindow: 2.8, .recurrence4: 0.5], minimumLoopTurns: 3,
        maximumGap: 0, requiresPersistence: true, dominantWindow: 8, dominantMinimum: 6)

    /// Whether one turn loops.
    /// - Parameter row: the turn's metrics.
    /// - Returns: true when any signal reaches its threshold; a missing value does not.
    public func loops(at row: TurnMetrics) -> Bool {
        signals.contains { metric, threshold in row[metric].map { $0 >= threshold } ?? false }
    }

    public func makeTracker() -> Tracker { Tracker(detector: self) }

    /// The detector's state over one conversation.
    public struct Tracker: ConvergenceTracker {
        let detector: RepetitionLoopDetector
        /// Every looping turn so far, grouped into episodes.
        public private(set) var history: LoopHistory

        init(detector: RepetitionLoopDetector) {
            self.detector = detector
            history = LoopHistory(maximumGap: detector.maximumGap)
        }

        /// The verdict the detector is set to give: looping at the end with the persistence rule,
        /// ever looped without it.
        public var verdict: ConvergenceVerdict { detector.requiresPersistence ? loopingAtEnd : everLooped }

        @discardableResult
        public mutating func append(_ row: TurnMetrics) -> ConvergenceVerdict {
            history.record(turn: row.turn, loops: detector.loops(at: row))
            return verdict
        }
    }
}
