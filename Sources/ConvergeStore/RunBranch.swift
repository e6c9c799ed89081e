public import ConvergeCore

/// Where a branched run came from (`converge branch`, docs/ATLAS.md "Branching"): its parent run,
/// the parent conversation, and the turn after which the branch generates its own text. Recorded
/// in `run.json` as `branch`.
public struct RunBranch: Codable, Sendable, Equatable {
    /// The parent run directory, as an absolute path.
    public var parent: String
    /// The parent transcript's `conversation` value.
    public var conversation: ConversationID
    /// The parent conversation's identity, which replicate 0 keeps.
    public var seedIndex: Int
    public var replicate: Int
    /// Turns 1…`fromTurn` are the parent's, copied; the branch generates from turn `fromTurn + 1`.
    public var fromTurn: Int

    public init(parent: String, conversation: ConversationID, seedIndex: Int, replicate: Int, fromTurn: Int) {
        self.parent = parent
        self.conversation = conversation
        self.seedIndex = seedIndex
        self.replicate = replicate
        self.fromTurn = fromTurn
    }

    enum CodingKeys: String, CodingKey {
        case parent, conversation, replicate
        case seedIndex = "seed_index"
        case fromTurn = "from_turn"
    }

    /// The branch's conversations: replicate r is conversation r with the parent's seed index and
    /// replicate number parent + r, so replicate 0 draws the parent's random stream.
    /// - Parameters:
    ///   - seeds: the run's seeds (the parent's list, so `seed_index` keeps its meaning).
    ///   - replicates: how many branches.
    public func plan(seeds: [String], replicates: Int) -> [Conversation] {
        (0..<replicates).map { r in
            Conversation(index: r, seedIndex: seedIndex, replicate: replicate + r, seed: seeds[seedIndex])
        }
    }
}

extension RunManifest {
    /// The conversations this run holds: a branch's replicates, or every seed × replicate.
    public var plan: [Conversation] {
        branch?.plan(seeds: configuration.seeds, replicates: configuration.replicates)
            ?? Conversation.plan(seeds: configuration.seeds, replicates: configuration.replicates)
    }
}
