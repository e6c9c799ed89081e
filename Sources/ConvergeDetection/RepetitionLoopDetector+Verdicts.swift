public import ConvergeMetrics

/// The three loop verdicts and the per-conversation loop figures (docs/METRICS.md, "Verdicts"),
/// all read from one history of looping turns so they cannot disagree about what looped.
extension RepetitionLoopDetector.Tracker {
    /// An episode of at least k looping turns still runs at the last turn; onset = its first turn.
    public var loopingAtEnd: ConvergenceVerdict {
        let running = history.loops(minimumTurns: detector.minimumLoopTurns).last.flatMap {
            history.isRunning($0) ? $0 : nil
        }
        return ConvergenceVerdict(onset: running?.start)
    }

    /// Looping at the end, or at least m of the last w turns belong to episodes of at least k
    /// looping turns. Onset: the first such episode that reaches into the last w turns. A long loop
    /// that breaks off in the final turn or two therefore still counts, and a short one does not.
    public var dominantLoop: ConvergenceVerdict {
        if loopingAtEnd.converged { return loopingAtEnd }
        let windowStart = history.lastTurn - detector.dominantWindow + 1
        let reaching = history.loops(minimumTurns: detector.minimumLoopTurns).filter { $0.end >= windowStart }
        let loopingInWindow = reaching.reduce(0) { count, episode in count + episode.turns.count { $0 >= windowStart } }
        return ConvergenceVerdict(onset: loopingInWindow >= detector.dominantMinimum ? reaching.first?.start : nil)
    }

    /// An episode of at least k looping turns happened; onset = the first one's first turn.
    public var everLooped: ConvergenceVerdict {
        ConvergenceVerdict(onset: history.loops(minimumTurns: detector.minimumLoopTurns).first?.start)
    }

    /// The verdict of one loop definition.
    /// - Parameter name: `.loopingAtEnd`, `.dominantLoop` or `.everLooped`.
    /// - Returns: the verdict; nil for a verdict that is not the loop detector's.
    public func verdict(_ name: VerdictName) -> ConvergenceVerdict? {
        switch name {
        case .loopingAtEnd: loopingAtEnd
        case .dominantLoop: dominantLoop
        case .everLooped: everLooped
        case .studyRule, .fittedRule: nil
        }
    }

    /// The turns where a loop of at least k looping turns was escaped: the first turn after each
    /// such episode that ended before the conversation did.
    public var escapeTurns: [Int] {
        history.loops(minimumTurns: detector.minimumLoopTurns).filter { !history.isRunning($0) }.map { $0.end + 1 }
    }

    /// The share of turns inside loops of at least k looping turns (first to last looping turn of
    /// each, tolerated gaps included); 0 before the first turn.
    public var loopShare: Double {
        guard history.lastTurn > 0 else { return 0 }
        let inLoops = history.loops(minimumTurns: detector.minimumLoopTurns).reduce(0) { $0 + $1.end - $1.start + 1 }
        return Double(inLoops) / Double(history.lastTurn)
    }
}

extension RepetitionLoopDetector {
    /// Whether the conversation is looping at each turn t: the looping-at-the-end verdict of its
    /// first t turns. What a branch condition selects on and what its escape share reads.
    /// - Parameter series: the per-turn metrics in turn order.
    /// - Returns: one flag per row.
    public func loopingByTurn(_ series: [TurnMetrics]) -> [Bool] {
        var tracker = makeTracker()
        return series.map { row in
            _ = tracker.append(row)
            return tracker.loopingAtEnd.converged
        }
    }
}
