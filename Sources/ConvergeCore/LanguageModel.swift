/// One message of a chat-template prompt.
public struct ChatMessage: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable { case user, assistant }
    public var role: Role
    public var content: String
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// What a model is asked to continue.
public enum Prompt: Sendable, Equatable {
    /// Raw text to continue, as with a base model (the study's setting).
    case raw(String)
    /// Messages formatted with the model's own chat template; the model writes the next assistant turn.
    case chat([ChatMessage])
}

/// One generation: the prompt plus everything that decides the output.
public struct GenerationRequest: Sendable {
    public var prompt: Prompt
    public var maxTokens: Int
    public var sampler: SamplerSettings
    /// Generation ends at the first of these; the output is cut before it.
    public var stop: [String]
    /// Seeds this request's random stream, so the output does not depend on scheduling.
    public var rngSeed: UInt64

    public init(prompt: Prompt, maxTokens: Int, sampler: SamplerSettings, stop: [String], rngSeed: UInt64) {
        self.prompt = prompt
        self.maxTokens = maxTokens
        self.sampler = sampler
        self.stop = stop
        self.rngSeed = rngSeed
    }
}

/// The result of one request.
public struct Generation: Sendable, Equatable {
    public var text: String
    public var promptTokens: Int
    public var tokens: Int
    public var finishReason: FinishReason

    public init(text: String, promptTokens: Int, tokens: Int, finishReason: FinishReason) {
        self.text = text
        self.promptTokens = promptTokens
        self.tokens = tokens
        self.finishReason = finishReason
    }
}

/// A text-generation backend. Requests passed together may share one batched decode.
public protocol LanguageModel: Sendable {
    /// The name written into each transcript line's `model` field.
    var name: String { get }
    /// Generates one output per request, in order.
    /// - Throws: when the backend fails as a whole; `CancellationError` when the task is cancelled.
    func generate(_ requests: [GenerationRequest]) async throws -> [Generation]
    /// Generates one output per request and hands each to `deliver`, with its request's position,
    /// as soon as it is ready, so that a finished turn can be persisted while slower requests of the
    /// same batch are still running (a paid API call that finished must survive a kill).
    /// - Parameter deliver: called once per request, from the caller's task, one call at a time.
    /// - Throws: what the backend or `deliver` throws; `CancellationError` when the task is cancelled.
    func generate(_ requests: [GenerationRequest], deliver: (Int, Generation) async throws -> Void) async throws
}

extension LanguageModel {
    /// Waits for the whole batch, then delivers it in order: right for a backend that decodes the
    /// batch in lockstep, where every result is ready at the same moment anyway.
    /// - Throws: `ConvergeError` `.backend` when the batch has another number of results than requests.
    public func generate(_ requests: [GenerationRequest], deliver: (Int, Generation) async throws -> Void) async throws {
        let generations = try await generate(requests)
        guard generations.count == requests.count else {
            throw ConvergeError.resultCount(model: name, results: generations.count, requests: requests.count)
        }
        for (position, generation) in generations.enumerated() { try await deliver(position, generation) }
    }
}

extension ConvergeError {
    /// A backend answered a batch with another number of results than requests: pairing results
    /// with requests would then silently lose or misplace conversations.
    static func resultCount(model: String, results: Int, requests: Int) -> ConvergeError {
        ConvergeError(.backend, "model \(model) returned \(results) results for \(requests) requests")
    }
}
