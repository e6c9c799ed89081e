public import ConvergeCore
public import Foundation

/// Where an agent's model comes from, as written in `--model-a`, `--model-b` or a config file.
///
/// - `default`: the embedded default for that agent (Gemma-3-270M for A, SmolLM2-135M for B);
/// - `gemma`, `smollm2`: the embedded defaults by name, so either agent can use either;
/// - `llama:PATH.gguf` or a bare `PATH.gguf`: any GGUF file, run in-process by llama.cpp.
public enum ModelSpec: Sendable, Equatable, CustomStringConvertible {
    case llama(URL)

    /// Parses a spec.
    /// - Parameter defaultFor: the agent whose default `default` and an empty spec mean.
    /// - Throws: `ConvergeError` for an unknown scheme.
    public init(parsing text: String, defaultFor agent: Agent) throws {
        switch text {
        case "", "default": self = .llama(DefaultModels.url(agent == .a ? DefaultModels.agentA : DefaultModels.agentB))
        case "gemma": self = .llama(DefaultModels.url(DefaultModels.agentA))
        case "smollm2": self = .llama(DefaultModels.url(DefaultModels.agentB))
        default:
            if text.hasPrefix("llama:") {
                self = .llama(URL(fileURLWithPath: String(text.dropFirst(6))))
            } else if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), text[..<colon].count > 1 {
                throw ConvergeError(.invalidParameter, "unknown model scheme '\(text[..<colon])' in '\(text)' (this build runs llama:PATH.gguf, gemma, smollm2 or default)")
            } else {
                self = .llama(URL(fileURLWithPath: text))
            }
        }
    }

    public var description: String {
        switch self {
        case .llama(let url): "llama:\(url.path)"
        }
    }
}
