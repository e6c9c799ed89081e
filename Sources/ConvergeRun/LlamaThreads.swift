import ConvergeLlama

/// The default llama.cpp thread count, re-exported for the command line.
public enum LlamaThreads {
    public static var `default`: Int { LlamaContextOptions.defaultThreads }
}
