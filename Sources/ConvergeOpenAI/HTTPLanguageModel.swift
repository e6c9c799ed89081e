public import ConvergeCore
public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
    public let dialect: ServerDialect
    /// Retries and final failures so far, for the progress line.
    public let counters = RequestCounters()
    /// One line per failed attempt or request goes here; the key never appears in them.
    public let log: @Sendable (String) -> Void

    private let apiKey: String?
    private let transport: HTTPTransport
    private let pool: EndpointPool
    private let policy: RetryPolicy

    /// Creates the model; with `dialect` nil in the configuration, asks the first endpoint that
    /// answers `/v1/models` which server it is, and falls back to plain OpenAI.
    /// - Parameters:
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
        self.log = log
        apiKey = try configuration.apiKey(environment: environment)
        policy = RetryPolicy(baseDelay: retryBaseDelay)
        transport = HTTPTransport(connectionsPerHost: configuration.concurrency)
        pool = EndpointPool(endpoints: configuration.endpoints.count, limit: configuration.concurrency, policy: policy)
        if let dialect = configuration.dialect {
            self.dialect = dialect
        } else {
            dialect = await Self.detectDialect(configuration, transport: transport, key: apiKey)
        }
    }

    public func generate(_ requests: [GenerationRequest]) async throws -> [Generation] {
        try await withThrowingTaskGroup(of: (Int, Generation).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, try await self.generateOne(request)) }
            }
            var results = [Generation?](repeating: nil, count: requests.count)
            for try await (index, generation) in group { results[index] = generation }
            return results.map { $0! }
        }
    }

    /// One request, tried until it succeeds, fails for good, or runs out of attempts.
    private func generateOne(_ request: GenerationRequest) async throws -> Generation {
        let wire = WireRequest(request, model: configuration.model, dialect: dialect)
        let body = try JSONSerialization.data(withJSONObject: wire.body, options: [.sortedKeys])
        let parser = ReplyParser(stopRequested: !request.stop.isEmpty)
        for attempt in 1...configuration.maxAttempts {
            let endpoint = try await pool.acquire()
            let url = configuration.endpoints[endpoint]
            let outcome = await attemptOnce(url.appendingPathComponent(wire.path), body: body, parser: parser)
            switch outcome {
            case .success(let generation):
                await pool.release(endpoint, failed: false)
                return generation
            case .failure(let failure):
                await pool.release(endpoint, failed: failure.retryable, retryAfter: failure.retryAfter)
                if failure.cancelled { throw CancellationError() }
                let last = !failure.retryable || attempt == configuration.maxAttempts
                log("\(name) @ \(url.absoluteString): \(redacted(failure.message))" + (last ? "; turn recorded as failed" : "; retrying"))
                if last {
                    counters.countFailure()
                    return Generation(text: "", promptTokens: 0, tokens: 0, finishReason: .error)
                }
                counters.countRetry()
            }
        }
        counters.countFailure()
        return Generation(text: "", promptTokens: 0, tokens: 0, finishReason: .error)
    }

    private struct AttemptFailure: Error {
        var message: String
        var retryable: Bool
        var retryAfter: Double?
        var cancelled = false
    }

    private func attemptOnce(_ url: URL, body: Data, parser: ReplyParser) async -> Result<Generation, AttemptFailure> {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        let response: HTTPURLResponse
        let data: Data
        do {
            (response, data) = try await transport.send(
                request, firstByteTimeout: configuration.firstByteTimeout, timeout: configuration.requestTimeout
            )
        } catch let failure as HTTPTransport.Failure {
            return .failure(Self.describe(failure, configuration))
        } catch {
            return .failure(AttemptFailure(message: "\(error)", retryable: true))
        }
        let status = response.statusCode
        guard (200..<300).contains(status) else {
            let detail = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["error"]
                .map { ReplyParser.problem(fromErrorObject: $0).message } ?? ReplyParser.excerpt(String(decoding: data, as: UTF8.self))
            let retryAfter = status == 429 ? policy.retryAfter(response.value(forHTTPHeaderField: "Retry-After")) : nil
            let retryable = status == 429 || status >= 500 || status == 408
            return .failure(AttemptFailure(message: "HTTP \(status): \(detail)", retryable: retryable, retryAfter: retryAfter))
        }
        do {
            return .success(try parser.parse(data))
        } catch {
            return .failure(AttemptFailure(message: error.message, retryable: error.retryable))
        }
    }

    private static func describe(_ failure: HTTPTransport.Failure, _ configuration: HTTPBackendConfiguration) -> AttemptFailure {
        switch failure {
        case .firstByteTimeout:
            AttemptFailure(message: "no response within \(configuration.firstByteTimeout) s (ttfb)", retryable: true)
        case .timeout:
            AttemptFailure(message: "not finished within \(configuration.requestTimeout) s (timeout)", retryable: true)
        case .connection(let why):
            AttemptFailure(message: "connection failed: \(why)", retryable: true)
        case .cancelled:
            AttemptFailure(message: "cancelled", retryable: false, cancelled: true)
        }
    }

    /// Belt and braces: a server could echo the key back in an error message.
    private func redacted(_ text: String) -> String {
        guard let apiKey, !apiKey.isEmpty else { return text }
        return text.replacingOccurrences(of: apiKey, with: "[key]")
    }
}
