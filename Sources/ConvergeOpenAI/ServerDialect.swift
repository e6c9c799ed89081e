/// The sampler fields a server accepts beyond the OpenAI standard, and the names it gives them.
public enum ServerDialect: String, Sendable, Equatable, CaseIterable {
    /// The OpenAI API: temperature, top_p, penalties, seed, stop and max_tokens only.
    case openai
    /// vLLM: adds `top_k`, `min_p` and `repetition_penalty`.
    case vllm
    /// llama.cpp's `llama-server`: every converge setting, including the sampler order and DRY.
    case llamaCpp = "llama.cpp"
    /// Ollama's native API: options without DRY.
    case ollama

    /// Guesses the dialect from the `owned_by` field of an OpenAI-style `/v1/models` listing.
    static func detect(ownedBy: String) -> ServerDialect {
        switch ownedBy.lowercased() {
        case "llamacpp", "llama.cpp": .llamaCpp
        case "vllm": .vllm
        default: .openai
        }
    }
}
