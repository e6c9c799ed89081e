public import ConvergeCore

/// Where a branched run came from (`converge branch`, or an experiment condition with `branch:`;
/// docs/ATLAS.md "Branching"): its parent run, the turn after which the branch generates its own
/// text, and the parent conversations it branches. Recorded in `run.json` as `branch`.
public struct RunBranch: Codable, Sendable, Equatable {
    /// One parent conversation the run branches.
    public struct Origin: Codable, Sendable, Equatable {
        /// The parent transcript's `conversation` value.
        public var conversation: ConversationID
        /// The parent conversation's identity, which its replicate 0 keeps.
        public var seedIndex: Int
        public var replicate: Int

        public init(conversation: ConversationID, seedIndex: Int, replicate: Int) {
            self.conversation = conversation
            self.seedIndex = seedIndex
            self.replicate = replicate
        }

        enum CodingKeys: String, CodingKey {
            case conversation, replicate
            case seedIndex = "seed_index"
        }
    }

    /// The parent run directory, as an absolute path.
    public var parent: String
    /// Turns 1…`fromTurn` are the parent's, copied; the branch generates from turn `fromTurn + 1`.
    public var fromTurn: Int
    /// The parent conversations branched, in the order their replicates are numbered.
    public var origins: [Origin]

    public init(parent: String, fromTurn: Int, origins: [Origin]) {
        self.parent = parent
        self.fromTurn = fromTurn
        self.origins = origins
    }

    enum CodingKeys: String, CodingKey {
        case parent, origins
        case fromTurn = "from_turn"
    }

    /// The branch's conversations: replicate r of origin k is conversation k·R + r, with the
    /// origin's seed index and replicate number origin + r, so each origin's replicate 0 draws its
    /// parent's random stream.
    /// - Parameters:
    ///   - seeds: the run's seeds (the parent's list, so `seed_index` keeps its meaning).
    ///   - replicates: R, the branches per origin.
    public func plan(seeds: [String], replicates: Int) -> [Conversation] {
        origins.enumerated().flatMap { k, origin in
            (0..<replicates).map { r in
                Conversation(index: k * replicates + r, seedIndex: origin.seedIndex, replicate: origin.replicate + r, seed: seeds[origin.seedIndex])
            }
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
