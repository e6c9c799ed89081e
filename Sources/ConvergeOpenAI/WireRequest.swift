public import ConvergeCore
import Foundation

/// The path and JSON body of one generation request, in the server's dialect.
struct WireRequest {
    var path: String
    var body: [String: Any]

    /// Builds the request. Raw prompts go to a completion endpoint, chat prompts to a chat endpoint;
    /// responses are always streamed so the first-byte deadline means something.
    init(_ request: GenerationRequest, model: String, dialect: ServerDialect) {
        let sampler = request.sampler
        // Servers take a 32-bit seed (llama.cpp reads 0xFFFFFFFF as "random"), so keep 31 bits.
        let seed = Int(request.rngSeed & 0x7FFF_FFFF)
        if dialect == .ollama {
            var options: [String: Any] = [
                "temperature": sampler.temperature, "top_p": sampler.topP, "top_k": sampler.topK, "min_p": sampler.minP,
                "repeat_penalty": sampler.repeatPenalty, "repeat_last_n": Self.window(sampler.penaltyLastN),
                "presence_penalty": sampler.presencePenalty, "frequency_penalty": sampler.frequencyPenalty,
                "seed": seed, "num_predict": request.maxTokens,
            ]
            if !request.stop.isEmpty { options["stop"] = request.stop }
            body = ["model": model, "stream": true, "options": options]
            switch request.prompt {
            case .raw(let text):
                path = "/api/generate"
                body["prompt"] = text
                body["raw"] = true
            case .chat(let messages):
                path = "/api/chat"
                body["messages"] = messages.map { ["role": $0.role.rawValue, "content": $0.content] }
            }
            return
        }
        body = [
            "model": model, "max_tokens": request.maxTokens, "temperature": sampler.temperature, "top_p": sampler.topP,
            "presence_penalty": sampler.presencePenalty, "frequency_penalty": sampler.frequencyPenalty, "seed": seed,
            "stream": true, "stream_options": ["include_usage": true],
        ]
        if !request.stop.isEmpty { body["stop"] = request.stop }
        switch request.prompt {
        case .raw(let text):
            path = "/v1/completions"
            body["prompt"] = text
        case .chat(let messages):
            path = "/v1/chat/completions"
            body["messages"] = messages.map { ["role": $0.role.rawValue, "content": $0.content] }
        }
        switch dialect {
        case .vllm:
            body["top_k"] = sampler.topK == 0 ? -1 : sampler.topK
            body["min_p"] = sampler.minP
            body["repetition_penalty"] = sampler.repeatPenalty
        case .llamaCpp:
            // Every field is sent, because llama-server's own defaults (top-k 40, min-p 0.05, temperature
            // applied last) would otherwise change the distribution.
            body["top_k"] = sampler.topK
            body["min_p"] = sampler.minP
            body["repeat_penalty"] = sampler.repeatPenalty
            body["repeat_last_n"] = Self.window(sampler.penaltyLastN)
            body["dry_multiplier"] = sampler.dryMultiplier
            if sampler.dryMultiplier != 0 {
                body["dry_base"] = sampler.dryBase
                body["dry_allowed_length"] = sampler.dryAllowedLength
                body["dry_penalty_last_n"] = Self.window(sampler.dryPenaltyLastN)
            }
            body["samplers"] = ["penalties", "dry", "temperature", "top_k", "top_p", "min_p"]
            // A cached prefix is decoded in other batch shapes than a fresh prompt, which can change
            // the output; turns rarely share a prefix, so nothing is lost.
            body["cache_prompt"] = false
        case .openai, .ollama:
            break
        }
    }
}

extension WireRequest {
    /// A look-back window for the server. converge's -1 ("everything") is refused by llama-server
    /// and sizes a ring buffer there, so it becomes a bound far beyond any turn's context.
    static func window(_ tokens: Int) -> Int { tokens < 0 ? 1 << 15 : tokens }
}

extension ServerDialect {
    /// The settings this dialect cannot send although they are switched on, one phrase each.
    public func unsupportedSettings(_ sampler: SamplerSettings) -> [String] {
        var missing: [String] = []
        let penalised = sampler.repeatPenalty != 1 || sampler.presencePenalty != 0 || sampler.frequencyPenalty != 0
        switch self {
        case .openai:
            if sampler.topK != 0 { missing.append("top_k=\(sampler.topK)") }
            if sampler.minP != 0 { missing.append("min_p=\(sampler.minP)") }
            if sampler.repeatPenalty != 1 { missing.append("repeat_penalty=\(sampler.repeatPenalty)") }
            if penalised && sampler.penaltyLastN != -1 { missing.append("penalty_last_n=\(sampler.penaltyLastN) (penalties see the whole text)") }
        case .vllm:
            if penalised && sampler.penaltyLastN != -1 { missing.append("penalty_last_n=\(sampler.penaltyLastN) (penalties see the whole text)") }
        case .llamaCpp, .ollama:
            break
        }
        if sampler.dryMultiplier != 0 && self != .llamaCpp { missing.append("dry_multiplier=\(sampler.dryMultiplier)") }
        // converge's own n-gram ban; no server API offers it.
        if sampler.noRepeatNgramSize != 0 { missing.append("no_repeat_ngram_size=\(sampler.noRepeatNgramSize)") }
        return missing
    }
}
