public import ConvergeCore
public import ConvergeOpenAI
public import Foundation

/// Where an agent's model comes from, as written in `--model-a`, `--model-b` or a config file.
///
/// - `default`: the embedded default for that agent (Gemma-3-270M for A, SmolLM2-135M for B);
/// - `gemma`, `smollm2`: the embedded defaults by name, so either agent can use either;
/// - `llama:PATH.gguf` or a bare `PATH.gguf`: any GGUF file, run in-process by llama.cpp;
/// - `openai:MODEL@URL[,URL…][#OPTIONS]`, `ollama:MODEL@URL…`: inference servers (docs/BACKENDS.md).
public enum ModelSpec: Sendable, Equatable, CustomStringConvertible {
    case llama(URL)
    case http(HTTPBackendConfiguration)

    /// Parses a spec.
    /// - Parameter defaultFor: the agent whose default `default` and an empty spec mean.
    /// - Throws: `ConvergeError` for an unknown scheme.
    public init(parsing text: String, defaultFor agent: Agent) throws {
        switch text {
        case "", "default": self = .llama(DefaultModels.url(agent == .a ? DefaultModels.agentA : DefaultModels.agentB))
        case "gemma": self = .llama(DefaultModels.url(DefaultModels.agentA))
        case "smollm2": self = .llama(DefaultModels.url(DefaultModels.agentB))
        default:
            if HTTPBackendConfiguration.schemes.contains(where: { text.hasPrefix($0 + ":") }) {
                self = .http(try HTTPBackendConfiguration(parsing: text))
            } else if text.hasPrefix("llama:") {
                self = .llama(URL(fileURLWithPath: String(text.dropFirst(6))))
            } else if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), text[..<colon].count > 1 {
                throw ConvergeError(
                    .invalidParameter,
                    "unknown model scheme '\(text[..<colon])' in '\(text)' (known: llama:PATH.gguf, openai:MODEL@URL, ollama:MODEL@URL, gemma, smollm2, default)"
                )
            } else {
                self = .llama(URL(fileURLWithPath: text))
            }
        }
    }

    /// Whether the model runs in this process, on this machine's threads.
    public var isInProcess: Bool {
        if case .llama = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .llama(let url): "llama:\(url.path)"
        case .http(let configuration): configuration.description
        }
    }
}
