import Dispatch

/// Runs blocking work (loading a model, hashing a file of hundreds of megabytes) on a dispatch
/// queue, so it never holds one of the few threads of Swift's cooperative pool.
public enum BlockingCall {
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result(catching: body)) }
        }
    }
}
