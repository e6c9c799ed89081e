import Foundation

/// How a llama.cpp context is sized and run.
public struct LlamaContextOptions: Sendable, Codable, Equatable {
    /// Threads for decoding. OpenMP workers spin while they wait, so a thread that has to share its
    /// core with other work slows every decode down (see BENCHMARKS.md, "Threads").
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

    /// The idle cores measured once, when first asked for (`IdleCores`): a short look at what the
    /// cores do now, not the lagging load average.
    public static let defaultThreadChoice = IdleCores.measure()

    /// Threads for the idle cores at start, 1 to 8.
    public static var defaultThreads: Int { defaultThreadChoice.threads }
}
