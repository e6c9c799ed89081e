import Foundation

/// How a llama.cpp context is sized and run.
public struct LlamaContextOptions: Sendable, Codable, Equatable {
    /// Threads for decoding. With 2 cores and anything else running, 2 OpenMP threads spin and
    /// throughput collapses (see BENCHMARKS.md); the default leaves one core free on small machines.
    public var threads: Int
    /// How many sequences share one decode.
    public var parallel: Int
    /// Tokens of context per sequence.
    public var contextPerSequence: Int

    public init(threads: Int = LlamaContextOptions.defaultThreads, parallel: Int = 1, contextPerSequence: Int = 512) {
        self.threads = threads
        self.parallel = parallel
        self.contextPerSequence = contextPerSequence
    }

    /// All cores on machines with more than 2, otherwise 1: measured on a 2-core machine shared
    /// with other work, 1 thread kept 42–51 tok/s where 2 threads fell to 1–24.
    public static var defaultThreads: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return cores > 2 ? min(cores, 8) : 1
    }
}
