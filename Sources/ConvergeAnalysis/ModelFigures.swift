import ConvergeCore
public import ConvergeDetection
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
    /// for each verdict.
    public var loopShare: [VerdictName: Double]

    enum CodingKeys: String, CodingKey {
        case agent, model, turns, means
        case meanTokens = "mean_tokens"
        case finishReasons = "finish_reasons"
        case loopShare = "loop_share"
    }

    /// One entry per (agent, model), ordered by agent then model.
    /// - Parameters:
    ///   - metrics: every conversation's series.
    ///   - verdicts: every conversation's verdicts, in order.
    static func compute(_ metrics: [ConversationMetrics], verdicts: [ConversationVerdicts]) -> [ModelFigures] {
        struct Key: Hashable, Comparable {
            let agent: String
            let model: String
            static func < (a: Key, b: Key) -> Bool { (a.agent, a.model) < (b.agent, b.model) }
        }
        struct Tally {
            var turns = 0, tokens = 0
            var inLoop: [VerdictName: Int] = [:]
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
                for name in VerdictName.allCases {
                    if let onset = verdict[name].onset, turn.turn >= onset { tally.inLoop[name, default: 0] += 1 }
                }
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
                loopShare: Dictionary(uniqueKeysWithValues: VerdictName.allCases.map { ($0, Double(tally.inLoop[$0] ?? 0) / turns) }))
        }
    }
}
