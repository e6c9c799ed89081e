public import Foundation

/// One agent's model on inference servers, as written after `openai:` or `ollama:` in a model spec.
/// Holds the name of the environment variable with the API key, never the key itself, so it can be
/// printed and recorded in provenance.
public struct HTTPBackendConfiguration: Sendable, Equatable {
    /// Which wire protocol the servers speak.
    public enum API: String, Sendable, Equatable {
        /// `/v1/completions` and `/v1/chat/completions` (vLLM, llama-server, LM Studio, OpenAI).
        case openai
        /// Ollama's native `/api/generate` in raw mode and `/api/chat`.
        case ollama
    }

    public var api: API
    /// The model name sent with each request.
    public var model: String
    /// Base URLs of interchangeable servers; requests are balanced across them and fail over.
    public var endpoints: [URL]
    /// The environment variable that holds the API key, if the servers want one.
    public var keyVariable: String?
    /// Which sampler fields the server understands; nil detects it from `/v1/models` at start.
    public var dialect: ServerDialect?
    /// Requests in flight at once on each endpoint.
    public var concurrency: Int = 4
    /// Seconds a whole request may take, queueing included.
    public var requestTimeout: Double = 600
    /// Seconds until the first streamed byte; servers queue instead of answering 429, and this
    /// catches a request stuck in such a queue (or a hung server) long before `requestTimeout`.
    public var firstByteTimeout: Double = 120
    /// Tries per request, the first included.
    public var maxAttempts: Int = 8

    public init(api: API, model: String, endpoints: [URL]) {
        self.api = api
        self.model = model
        self.endpoints = endpoints
    }
}
