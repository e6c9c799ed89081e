public import ConvergeCore
import ConvergeLlama
import Foundation

/// Opens the sentence-embedding model: the default all-MiniLM-L6-v2, or another GGUF encoder.
public enum EmbeddingModel {
    /// - Parameter path: a GGUF encoder; nil means the installed default.
    /// - Throws: `ConvergeError` when the model is missing or is not an encoder.
    public static func open(path: String?, threads: Int, verbose: Bool) async throws -> any Embedder {
        try LlamaThreads.check(threads)
        let url = path.map { URL(fileURLWithPath: $0) } ?? DefaultModels.url(DefaultModels.embedder)
        let model = try await LoadedModels.load(.llama(url), verbose: verbose)
        return try await BlockingCall.run { try LlamaEmbedder(model: model, threads: threads) }
    }
}
