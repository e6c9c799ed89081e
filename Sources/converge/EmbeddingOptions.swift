import ArgumentParser
import ConvergeCore
import ConvergeRun

/// The sentence-embedding options of the commands that measure text (`score`, `analyze`, `report`,
/// `calibrate`).
struct EmbeddingOptions: ParsableArguments {
    @Option(help: "A GGUF embedding model instead of the default all-MiniLM-L6-v2.")
    var embeddingModel: String?
    @Option(help: "llama.cpp threads for embedding.")
    var threads: Int = LlamaThreads.default
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    /// Opens the embedder.
    /// - Throws: `ConvergeError` when the model is missing or is not an encoder.
    func open() async throws -> any Embedder {
        try await EmbeddingModel.open(path: embeddingModel, threads: threads, verbose: verbose)
    }
}
