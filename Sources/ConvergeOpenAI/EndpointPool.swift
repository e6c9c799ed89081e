import Foundation

/// The endpoints of one agent: at most `limit` requests in flight on each, new requests to the
/// least busy endpoint that is not cooling down, and a cooldown after each failure that grows with
/// consecutive failures. A dead endpoint thus gets a probe now and then while the others carry the run.
actor EndpointPool {
    private struct State {
        var inFlight = 0
        var coolUntil = ContinuousClock.now
        var failures = 0
    }

    private var states: [State]
    private let limit: Int
    private let policy: RetryPolicy
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var rotation = 0

    init(endpoints: Int, limit: Int, policy: RetryPolicy) {
        states = Array(repeating: State(), count: endpoints)
        self.limit = limit
        self.policy = policy
    }

    /// Waits for a free slot on a usable endpoint and takes it.
    /// - Returns: the endpoint's index; give the slot back with `release`.
    /// - Throws: `CancellationError`.
    func acquire() async throws -> Int {
        while true {
            try Task.checkCancellation()
            let now = ContinuousClock.now
            let free = states.indices.filter { states[$0].inFlight < limit }
            let ready = free.filter { states[$0].coolUntil <= now }
            if !ready.isEmpty {
                // Least busy first; ties rotate so equal endpoints share the load.
                rotation += 1
                let chosen = ready.min { a, b in
                    (states[a].inFlight, (a + rotation) % states.count) < (states[b].inFlight, (b + rotation) % states.count)
                }!
                states[chosen].inFlight += 1
                return chosen
            }
            if let wake = free.map({ states[$0].coolUntil }).min() {
                try await Task.sleep(until: wake, clock: .continuous)
            } else {
                await withCheckedContinuation { waiters.append($0) }
            }
        }
    }

    /// Gives a slot back.
    /// - Parameter failure: nil when the endpoint answered; otherwise the failure, with the delay
    ///   the server asked for (`Retry-After`), which then replaces the backoff.
    func release(_ index: Int, failed: Bool, retryAfter: Double? = nil) {
        states[index].inFlight -= 1
        if failed {
            states[index].failures += 1
            let delay = retryAfter ?? policy.delay(afterFailures: states[index].failures)
            states[index].coolUntil = max(states[index].coolUntil, .now + .seconds(delay))
        } else {
            states[index].failures = 0
        }
        let woken = waiters
        waiters.removeAll()
        woken.forEach { $0.resume() }
    }
}
