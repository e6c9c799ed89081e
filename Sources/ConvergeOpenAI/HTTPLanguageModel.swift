public import ConvergeCore
public import Foundation

/// A `LanguageModel` served over HTTP by one or more interchangeable endpoints.
///
/// The requests of one call are sent concurrently, at most `concurrency` at a time per endpoint.
/// 429 (after its `Retry-After`), 5xx, connection failures, timeouts, unreadable bodies and error
/// objects inside a 200 body are tried again with backoff, on another endpoint when one is free;
/// other 4xx answers are not. A request that fails for good comes back as a generation with finish
/// reason `.error`, so the run records it and `--resume` retries it.
public final class HTTPLanguageModel: LanguageModel {
    public let name: String
    public let configuration: HTTPBackendConfiguration
    /// The sampler fields sent; detected at start when the configuration leaves it open.
    public let dialect: ServerDialect
    /// Retries and final failures so far, for the progress line.
    public var counters: RequestCounters { client.counters }
    /// Receives warnings and one line per failed attempt; the key never appears in them.
    public var log: @Sendable (String) -> Void { client.log }
    private let client: EndpointClient

    /// Creates the model; with no dialect in the configuration, asks the endpoints' `/v1/models`
    /// which server they are, falling back to plain OpenAI.
    /// - Parameters:
    ///   - retryBaseDelay: the first backoff step in seconds.
    ///   - environment: where the API key is looked up.
    ///   - log: receives warnings and failure reports, one line each.
    /// - Throws: `ConvergeError` when the key variable is named but not set.
    public init(
        _ configuration: HTTPBackendConfiguration, retryBaseDelay: Double = 0.5,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        log: @escaping @Sendable (String) -> Void
    ) async throws {
        self.configuration = configuration
        name = configuration.model
        client = try EndpointClient(configuration, retryBaseDelay: retryBaseDelay, environment: environment, log: log)
        if let dialect = configuration.dialect {
            self.dialect = dialect
        } else {
            dialect = await client.detectDialect()
        }
    }

    public func generate(_ requests: [GenerationRequest]) async throws -> [Generation] {
        var results = [Generation?](repeating: nil, count: requests.count)
        try await generate(requests) { index, generation in results[index] = generation }
        return results.map { $0! }
    }

    /// Delivers each reply the moment it arrives: one slow request must not hold back the turns
    /// that are already paid for.
    public func generate(_ requests: [GenerationRequest], deliver: (Int, Generation) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: (Int, Generation).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try await self.generateOne(request)) }
            }
            for try await (index, generation) in group { try await deliver(index, generation) }
        }
    }

    private func generateOne(_ request: GenerationRequest) async throws -> Generation {
        let wire = WireRequest(request, model: configuration.model, dialect: dialect)
        let body = try JSONSerialization.data(withJSONObject: wire.body, options: [.sortedKeys])
        let parser = ReplyParser(stopRequested: !request.stop.isEmpty)
        return try await client.post(wire.path, body: body, parse: parser.parse)
            ?? Generation(text: "", promptTokens: 0, tokens: 0, finishReason: .error)
    }
}
