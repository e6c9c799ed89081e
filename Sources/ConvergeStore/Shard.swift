public import ConvergeCore

/// One part of a run split across machines (`--shard i/n`): the conversations whose index leaves
/// remainder `index` when divided by `count`. Dealing conversations out in turn, rather than in
/// blocks, gives every shard a share of each seed's replicates and about the same work.
public struct Shard: Codable, Sendable, Equatable, CustomStringConvertible {
    /// 0-based, as Slurm's `SLURM_ARRAY_TASK_ID` and Kubernetes' `JOB_COMPLETION_INDEX` count.
    public var index: Int
    public var count: Int

    /// - Throws: `ConvergeError` unless 0 ≤ index < count.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (0..<count).contains(index) else {
            throw ConvergeError(.invalidParameter, "shard \(index)/\(count) is invalid: need 0 ≤ i < n, as in --shard 0/4")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    /// - Throws: `ConvergeError` for anything else.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1] else {
            throw ConvergeError(.invalidParameter, "--shard takes i/n, for example 0/4 (got '\(text)')")
        }
        try self.init(index: index, count: count)
    }

    /// Whether this shard runs the conversation with this 0-based index.
    public func contains(conversation: Int) -> Bool { conversation % count == index }

    /// This shard's part of a plan.
    public func select(_ plan: [Conversation]) -> [Conversation] { plan.filter { contains(conversation: $0.index) } }

    public var description: String { "\(index)/\(count)" }
}
