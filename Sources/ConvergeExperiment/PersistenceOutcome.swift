public import ConvergeStatistics
import ConvergeStore
import Foundation

/// How well a loop holds when pushed (docs/ATLAS.md, "Persistence"): of a branch condition's
/// branches of conversations looping at turn T, the share that escape within K turns, that is,
/// are no longer looping at turn T + K by the loop detector's looping-at-the-end verdict. Next to
/// it, the same share of the parent conversations left alone: the spontaneous escape.
public struct PersistenceOutcome: Codable, Sendable, Equatable {
    public var condition: String
    /// The parent condition's name; nil when the parent is not a condition of this comparison.
    public var parent: String?
    /// T: the branches replay turns 1…T and loop there.
    public var fromTurn: Int
    /// K.
    public var within: Int
    /// Branches reaching turn T + K, escaped or not, clustered by the conversation they branch;
    /// the interval is a cluster bootstrap.
    public var branched: ClusteredProportion
    /// The branched parent conversations that reach turn T + K, left alone; nil without the parent.
    public var spontaneous: ConvergenceRate?

    /// - Parameters:
    ///   - input: a branch condition.
    ///   - parent: its parent condition, when compared with it.
    ///   - within: K.
    /// - Returns: nil for a condition that is not a branch.
    init?(_ input: ConditionInput, parent: ConditionInput?, within: Int) {
        guard let branch = input.branch, !branch.origins.isEmpty else { return nil }
        condition = input.name
        self.parent = parent?.name
        fromTurn = branch.fromTurn
        self.within = within
        let turn = branch.fromTurn + within
        func escaped(_ conversation: ConditionInput.Conversation) -> Bool? {
            conversation.loopingByTurn.count >= turn ? !conversation.loopingByTurn[turn - 1] : nil
        }
        // Replicate r of origin k is conversation k·R + r (RunBranch.plan).
        var perOrigin = 1
        if case .number(let replicates) = input.settings["configuration.replicates"] { perOrigin = max(1, Int(replicates)) }
        var clusters = Array(repeating: (successes: 0, total: 0), count: branch.origins.count)
        for conversation in input.conversations {
            guard let number = conversation.number, number / perOrigin < clusters.count, let out = escaped(conversation) else { continue }
            clusters[number / perOrigin].successes += out ? 1 : 0
            clusters[number / perOrigin].total += 1
        }
        branched = ClusteredProportion(clusters: clusters.filter { $0.total > 0 })
        spontaneous = parent.map { parent in
            let left = branch.origins.compactMap { origin in
                parent.conversations.first { $0.seedIndex == origin.seedIndex && $0.replicate == origin.replicate }.flatMap(escaped)
            }
            return ConvergenceRate(converged: left.count { $0 }, total: left.count)
        }
    }
}

extension PersistenceOutcome {
    /// The row of the terminal table, `persistence.csv` and the page, in `ComparisonReportInput.persistenceHeader` order.
    var cells: [String] {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", 100 * $0) } ?? "–" }
        let interval = branched.ciLow.map { "[\(percent($0)), \(percent(branched.ciHigh))]" } ?? "–"
        let reached =
            branched.total > 0 ? "\(branched.successes)/\(branched.total) of \(branched.clusters) conversations" : "none reach turn \(fromTurn + within)"
        let alone = spontaneous.flatMap { $0.total > 0 ? $0 : nil }
        return [
            condition, String(fromTurn), "\(within) turns", reached, branched.total > 0 ? percent(branched.fraction) : "–", interval,
            parent ?? "–", alone.map { "\($0.converged)/\($0.total)" } ?? "–", percent(alone?.fraction),
            alone.map { "[\(percent($0.ciLow)), \(percent($0.ciHigh))]" } ?? "–",
        ]
    }
}
