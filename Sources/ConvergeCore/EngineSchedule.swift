/// How the engine orders the two agents' batches. Neither order changes a text: a request's
/// arithmetic and random stream depend only on its own conversation (docs/INVARIANCE.md), so the
/// choice is about speed alone and a resume may use the other one.
public enum EngineSchedule: String, Sendable, Codable, CaseIterable {
    /// One agent at a time: each round asks the agent with more conversations waiting for the next
    /// turn of all of them, while the other model waits.
    case lockstep
    /// Both agents at once: the open conversations fall into two groups a turn apart, and each round
    /// model A decodes one group while model B decodes the other, each on its own threads.
    case pipelined
}

/// Which open conversations speak in one round, by agent.
struct Round: Equatable {
    /// Positions in the open list that model A answers this round.
    var a: [Int]
    /// Positions in the open list that model B answers this round.
    var b: [Int]

    /// Plans a round from the agent each open conversation waits for and the turns it has left.
    ///
    /// Lockstep asks the agent more conversations wait for (A on a tie), so batches stay full.
    /// Pipelined asks both; when one side has more waiting, it holds back up to half the difference
    /// for a round, taking only conversations with another turn to come. A held-back conversation
    /// still waits for the same agent next round while the others have moved to the other one, so
    /// the two groups come out even: the first round of a fresh run sends half the conversations to
    /// A and the other half a round later. Holding back one on its last turn would only add a round.
    static func plan(_ open: [(agent: Agent, turnsLeft: Int)], schedule: EngineSchedule) -> Round {
        let a = open.indices.filter { open[$0].agent == .a }
        let b = open.indices.filter { open[$0].agent == .b }
        switch schedule {
        case .lockstep:
            return a.count >= b.count ? Round(a: a, b: []) : Round(a: [], b: b)
        case .pipelined:
            let (larger, smaller) = a.count >= b.count ? (a, b) : (b, a)
            let held = Set(larger.filter { open[$0].turnsLeft > 1 }.suffix((larger.count - smaller.count) / 2))
            let running = larger.filter { !held.contains($0) }
            return a.count >= b.count ? Round(a: running, b: smaller) : Round(a: smaller, b: running)
        }
    }
}
