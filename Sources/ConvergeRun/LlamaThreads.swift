import ConvergeCore
import ConvergeLlama

/// The llama.cpp thread count: its default, re-exported for the command line, and its range.
public enum LlamaThreads {
    public static var `default`: Int { LlamaContextOptions.defaultThreads }
    /// Why the default is what it is, for `run.json`.
    public static var defaultReason: String { LlamaContextOptions.defaultThreadChoice.reason }

    /// More threads than any machine this runs on has cores; llama.cpp takes the count as an `Int32`,
    /// so an unchecked huge value would trap in the conversion after the models had loaded.
    public static let maximum = 1024

    /// Checks a thread count before any model loads.
    /// - Throws: `ConvergeError` `.invalidParameter` outside 1...``maximum``.
    public static func check(_ threads: Int) throws {
        guard (1...maximum).contains(threads) else {
            throw ConvergeError(.invalidParameter, "threads must be in 1...\(maximum) (got \(threads))", value: String(threads))
        }
    }
}
