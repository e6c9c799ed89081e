/// One conversation of a run: a seed, a replicate, and the outputs produced so far.
public struct Conversation: Sendable, Equatable {
    /// 0-based position in the run, the transcript's `conversation` field.
    public var index: Int
    public var seedIndex: Int
    public var replicate: Int
    public var seed: String
    /// Output texts, `outputs[t - 1]` for turn t.
    public var outputs: [String]

    public init(index: Int, seedIndex: Int, replicate: Int, seed: String, outputs: [String] = []) {
        self.index = index
        self.seedIndex = seedIndex
        self.replicate = replicate
        self.seed = seed
        self.outputs = outputs
    }

    /// The 1-based number of the turn to generate next.
    public var nextTurn: Int { outputs.count + 1 }

    /// The conversations of a run, seed-major: every replicate of seed 0, then of seed 1, and so on.
    public static func plan(seeds: [String], replicates: Int) -> [Conversation] {
        seeds.enumerated().flatMap { seedIndex, seed in
            (0..<replicates).map { replicate in
                Conversation(index: seedIndex * replicates + replicate, seedIndex: seedIndex, replicate: replicate, seed: seed)
            }
        }
    }

    /// The random seed of one turn, from the run seed and this conversation's identity only.
    public func turnSeed(runSeed: UInt64, turn: Int) -> UInt64 {
        RandomStream.derive(runSeed, seedIndex, replicate, turn)
    }
}
