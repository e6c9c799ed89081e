import ConvergeCore
import ConvergeLlama
import Foundation

/// The default models, installed by `scripts/setup.sh`, each loaded once for the whole test run.
/// Generation uses 1 llama.cpp thread: tests run beside builds on a 2-core machine.
enum TestModels {
    static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["CONVERGE_CACHE"], !cache.isEmpty {
            return URL(fileURLWithPath: cache).appendingPathComponent("models")
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("converge/models")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/converge/models")
    }

    static let gemmaURL = directory.appendingPathComponent("gemma-3-270m-q4_k_m-a5fd3b62.gguf")
    static let smolURL = directory.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1-b179c952.gguf")
    static let miniLMURL = directory.appendingPathComponent("all-MiniLM-L6-v2-f16-53aa5117.gguf")

    static let gemma = Result { try LlamaModel(url: gemmaURL) }
    static let smol = Result { try LlamaModel(url: smolURL) }
    static let miniLM = Result { try LlamaModel(url: miniLMURL) }

    /// SmolLM2 with room for four sequences of 256 tokens.
    static let smolGenerator = Result { try LlamaGenerator(model: smol.get(), options: .init(threads: 1, parallel: 4, contextPerSequence: 256)) }
    static let gemmaGenerator = Result { try LlamaGenerator(model: gemma.get(), options: .init(threads: 1, parallel: 3, contextPerSequence: 256)) }
    static let embedder = Result { try LlamaEmbedder(model: miniLM.get(), threads: 1) }
}

func request(
    _ prompt: Prompt, maxTokens: Int = 12, seed: UInt64 = 1, temperature: Double = 0.7, stop: [String] = []
) -> GenerationRequest {
    var sampler = SamplerSettings()
    sampler.temperature = temperature
    sampler.topP = 0.95
    return GenerationRequest(prompt: prompt, maxTokens: maxTokens, sampler: sampler, stop: stop, rngSeed: seed)
}

/// Checks that hold for every generation: a token count within the limit, and a finish reason that
/// agrees with it.
func wellFormed(_ g: Generation, maxTokens: Int) -> Bool {
    guard g.tokens >= 0, g.tokens <= maxTokens, g.promptTokens > 0 else { return false }
    switch g.finishReason {
    case .length: return g.tokens == maxTokens
    case .eos, .stop: return true
    case .error, .contentFilter: return false
    }
}
