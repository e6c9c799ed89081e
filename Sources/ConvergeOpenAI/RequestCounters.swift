import Synchronization

/// Counts retried attempts and finally failed requests of one model, for the progress line.
public final class RequestCounters: Sendable {
    private let counts = Mutex((retries: 0, failures: 0))

    public init() {}

    /// Attempts that were tried again.
    public var retries: Int { counts.withLock { $0.retries } }
    /// Requests that failed after their last try.
    public var failures: Int { counts.withLock { $0.failures } }

    func countRetry() { counts.withLock { $0.retries += 1 } }
    func countFailure() { counts.withLock { $0.failures += 1 } }
}
