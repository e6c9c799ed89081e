/// The looping turns of one conversation, grouped into episodes: what the loop verdicts, the escape
/// turns and the share of turns spent looping are read from (docs/METRICS.md, "Verdicts").
public struct LoopHistory: Equatable, Sendable {
    /// A stretch of looping turns in which at most `maximumGap` consecutive turns do not loop.
    public struct Episode: Equatable, Sendable {
        /// The looping turns, ascending; the first is the episode's onset.
        public var turns: [Int]
        public var start: Int { turns[0] }
        public var end: Int { turns[turns.count - 1] }
    }

    /// Non-looping turns tolerated inside an episode.
    public let maximumGap: Int
    public private(set) var episodes: [Episode] = []
    /// The last turn recorded, looping or not.
    public private(set) var lastTurn = 0

    /// - Parameter maximumGap: non-looping turns tolerated inside an episode, at least 0.
    public init(maximumGap: Int) {
        self.maximumGap = maximumGap
    }

    /// Records the next turn; turns must come in order.
    /// - Parameters:
    ///   - turn: the 1-based turn.
    ///   - loops: whether it loops.
    public mutating func record(turn: Int, loops: Bool) {
        lastTurn = turn
        guard loops else { return }
        if let last = episodes.indices.last, turn - episodes[last].end - 1 <= maximumGap {
            episodes[last].turns.append(turn)
        } else {
            episodes.append(Episode(turns: [turn]))
        }
    }

    /// The episodes with at least `minimumTurns` looping turns, in order.
    public func loops(minimumTurns: Int) -> [Episode] {
        episodes.filter { $0.turns.count >= minimumTurns }
    }

    /// Whether an episode still runs at the last turn: at most `maximumGap` turns since its last loop.
    public func isRunning(_ episode: Episode) -> Bool { lastTurn - episode.end <= maximumGap }
}
