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

    /// The cores nobody else is using when the process starts, from the 1-minute load average, at
    /// least 1 and at most 8. Measured on 2 cores: idle, 2 threads decode 1.4–1.9× faster than 1;
    /// with one core busy, 2 threads fall to a third of what 1 thread keeps.
    public static var defaultThreads: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let loadText = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        let busy = loadText.split(separator: " ").first.flatMap { Double($0) }.map { Int($0.rounded()) } ?? 0
        return min(max(cores - busy, 1), 8)
    }
}
