import ConvergeCore
import ConvergeMetrics

/// Figures for one agent and model over the whole run.
public struct ModelFigures: Codable, Sendable, Equatable {
    /// `A` or `B`.
    public var agent: String
    public var model: String
    /// How many turns it produced.
    public var turns: Int
    /// Mean tokens per turn.
    public var meanTokens: Double
    /// How its turns ended, keyed by `finish_reason`.
    public var finishReasons: [String: Int]
    /// Each metric column's mean over its turns where the metric is defined.
    public var means: [String: Double]
    /// The share of its turns that lie in a loop (at or after the onset of a converged conversation),
    /// for each detector.
    public var loopShare: LoopShare

    public struct LoopShare: Codable, Sendable, Equatable {
        public var study: Double
        public var loop: Double
    }

    enum CodingKeys: String, CodingKey {
        case agent, model, turns, means
        case meanTokens = "mean_tokens"
        case finishReasons = "finish_reasons"
        case loopShare = "loop_share"
    }

    /// One entry per (agent, model), ordered by agent then model.
    /// - Parameters:
    ///   - metrics: every conversation's series.
    ///   - verdicts: the study rule's and the loop detector's verdict per conversation, in order.
    static func compute(
        _ metrics: [ConversationMetrics], verdicts: [(study: ConvergenceVerdict, loop: ConvergenceVerdict)]
    ) -> [ModelFigures] {
        struct Key: Hashable, Comparable {
            let agent: String
            let model: String
            static func < (a: Key, b: Key) -> Bool { (a.agent, a.model) < (b.agent, b.model) }
        }
        struct Tally {
            var turns = 0, tokens = 0, inStudyLoop = 0, inLoop = 0
            var finishReasons: [String: Int] = [:]
            var sums: [TurnMetric: (sum: Double, count: Int)] = [:]
        }
        var tallies: [Key: Tally] = [:]
        for (entry, verdict) in zip(metrics, verdicts) {
            for (turn, row) in zip(entry.conversation.turns, entry.series) {
                let key = Key(agent: turn.agent.rawValue, model: turn.model)
                var tally = tallies[key] ?? Tally()
                tally.turns += 1
                tally.tokens += turn.tokens
                tally.finishReasons[turn.finishReason.rawValue, default: 0] += 1
                if let onset = verdict.study.onset, turn.turn >= onset { tally.inStudyLoop += 1 }
                if let onset = verdict.loop.onset, turn.turn >= onset { tally.inLoop += 1 }
                for (metric, value) in row.values {
                    let sum = tally.sums[metric] ?? (0, 0)
                    tally.sums[metric] = (sum.sum + value, sum.count + 1)
                }
                tallies[key] = tally
            }
        }
        return tallies.keys.sorted().map { key in
            let tally = tallies[key]!
            let turns = Double(tally.turns)
            return ModelFigures(
                agent: key.agent, model: key.model, turns: tally.turns, meanTokens: Double(tally.tokens) / turns,
                finishReasons: tally.finishReasons,
                means: Dictionary(uniqueKeysWithValues: tally.sums.map { ($0.key.rawValue, $0.value.sum / Double($0.value.count)) }),
                loopShare: LoopShare(study: Double(tally.inStudyLoop) / turns, loop: Double(tally.inLoop) / turns))
        }
    }
}
