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
    public var requiresPersistence: Bool

    /// - Parameters:
    ///   - signals: the signal columns and thresholds.
    ///   - minimumLoopTurns: looping turns an episode needs, at least 1.
    ///   - maximumGap: non-looping turns tolerated, at least 0.
    ///   - requiresPersistence: whether the loop must last to the end.
    public init(
        signals: [TurnMetric: Double], minimumLoopTurns: Int = 3, maximumGap: Int = 1,
        requiresPersistence: Bool = true
    ) {
        precondition(minimumLoopTurns >= 1, "minimumLoopTurns must be at least 1, got \(minimumLoopTurns)")
        precondition(maximumGap >= 0, "maximumGap must not be negative, got \(maximumGap)")
        self.signals = signals
        self.minimumLoopTurns = minimumLoopTurns
        self.maximumGap = maximumGap
        self.requiresPersistence = requiresPersistence
    }

    /// The best-κ setting of `converge calibrate` on the shipped labelled conversations, the same
    /// whichever run it was fitted on: rep-4 of two joined outputs at least 0.2, or their
    /// compression ratio at least 2.8; 2 looping turns in a row, persisting to the end.
    public static let calibrated = RepetitionLoopDetector(
        signals: [.rep4Window: 0.2, .compressionRatioWindow: 2.8], minimumLoopTurns: 2, maximumGap: 0,
        requiresPersistence: true)

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
        private var episodeStart: Int?
        private var loopingTurns = 0
        private var lastLoopingTurn = 0
        private var lastTurn = 0
        private var firstQualifiedOnset: Int?

        init(detector: RepetitionLoopDetector) { self.detector = detector }

        public var verdict: ConvergenceVerdict {
            guard detector.requiresPersistence else { return ConvergenceVerdict(onset: firstQualifiedOnset) }
            let running = lastTurn - lastLoopingTurn <= detector.maximumGap
            let qualifies = loopingTurns >= detector.minimumLoopTurns
            return ConvergenceVerdict(onset: running && qualifies ? episodeStart : nil)
        }

        @discardableResult
        public mutating func append(_ row: TurnMetrics) -> ConvergenceVerdict {
            lastTurn = row.turn
            if detector.loops(at: row) {
                if episodeStart == nil || row.turn - lastLoopingTurn - 1 > detector.maximumGap {
                    episodeStart = row.turn
                    loopingTurns = 0
                }
                loopingTurns += 1
                lastLoopingTurn = row.turn
                if firstQualifiedOnset == nil, loopingTurns >= detector.minimumLoopTurns {
                    firstQualifiedOnset = episodeStart
                }
            }
            return verdict
        }
    }
}
