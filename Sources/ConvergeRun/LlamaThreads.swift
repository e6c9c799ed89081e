import ConvergeLlama

/// The default llama.cpp thread count, re-exported for the command line.
public enum LlamaThreads {
    public static var `default`: Int { LlamaContextOptions.defaultThreads }
    /// Why the default is what it is, for `run.json`.
    public static var defaultReason: String { LlamaContextOptions.defaultThreadChoice.reason }
}
