import Synchronization

/// Tokens a backend has generated so far, readable from any thread while generation runs.
///
/// The progress line reads it once a second: turns finish in waves (all sequences of a batch at
/// once), so counting finished turns alone leaves the line still for a minute or more.
public final class TokenCounter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    public var count: Int { value.load(ordering: .relaxed) }

    public func add(_ tokens: Int) { value.add(tokens, ordering: .relaxed) }
}
