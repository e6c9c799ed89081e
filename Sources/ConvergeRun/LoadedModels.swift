import ConvergeCore
import ConvergeLlama
import Foundation

enum LoadedModels {
    /// Loads a model off the cooperative pool, with a hint to run the set-up when a default model
    /// is missing.
    static func load(_ spec: ModelSpec, verbose: Bool) async throws -> LlamaModel {
        switch spec {
        case .llama(let url):
            if !FileManager.default.fileExists(atPath: url.path), url.path.hasPrefix(DefaultModels.cacheDirectory.path) {
                throw ConvergeError(.modelFile, "default model not installed: \(url.path) (run scripts/setup.sh)")
            }
            return try await LlamaModel.load(url: url, verbose: verbose)
        case .http:
            throw ConvergeError(.invalidParameter, "\(spec) is served over HTTP, not a model file")
        }
    }
}
