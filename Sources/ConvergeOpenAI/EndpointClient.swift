import Foundation

/// POSTs JSON to one of an agent's interchangeable endpoints, with the limits, deadlines, retries
/// and failover described in docs/BACKENDS.md.
final class EndpointClient: Sendable {
    let configuration: HTTPBackendConfiguration
    let counters = RequestCounters()
    let log: @Sendable (String) -> Void
    let transport: HTTPTransport
    private let apiKey: String?
    private let pool: EndpointPool
    private let policy: RetryPolicy

    /// - Throws: `ConvergeError` when the key variable is named but not set.
    init(
        _ configuration: HTTPBackendConfiguration, retryBaseDelay: Double, environment: [String: String],
        log: @escaping @Sendable (String) -> Void
    ) throws {
        self.configuration = configuration
        self.log = log
        apiKey = try configuration.apiKey(environment: environment)
        policy = RetryPolicy(baseDelay: retryBaseDelay)
        transport = HTTPTransport(connectionsPerHost: configuration.concurrency)
        pool = EndpointPool(endpoints: configuration.endpoints.count, limit: configuration.concurrency, policy: policy)
    }

    /// Sends `body` to `path` until an answer parses, the failure is final, or the tries run out.
    /// - Returns: the parsed answer, or nil when the request failed for good (already logged and counted).
    /// - Throws: `CancellationError`.
    func post<T>(_ path: String, body: Data, parse: (Data) throws(ReplyParser.Problem) -> T) async throws -> T? {
        attempts: for attempt in 1...configuration.maxAttempts {
            let endpoint = try await pool.acquire()
            let url = configuration.endpoints[endpoint]
            let outcome = await attemptOnce(url.appendingPathComponent(path), body: body, parse: parse)
            switch outcome {
            case .success(let value):
                await pool.release(endpoint, failed: false)
                return value
            case .failure(let failure):
                await pool.release(endpoint, failed: failure.retryable, retryAfter: failure.retryAfter)
                if failure.cancelled { throw CancellationError() }
                let last = !failure.retryable || attempt == configuration.maxAttempts
                log("\(configuration.model) @ \(url.absoluteString): \(redacted(failure.message))" + (last ? "; giving up" : "; retrying"))
                if last { break attempts }
                counters.countRetry()
            }
        }
        counters.countFailure()
        return nil
    }

    /// Adds the key, if any, to a request.
    func authorize(_ request: inout HTTPTransport.Request) {
        if let apiKey { request.headers.append((name: "Authorization", value: "Bearer \(apiKey)")) }
    }

    private struct AttemptFailure: Error {
        var message: String
        var retryable: Bool
        var retryAfter: Double?
        var cancelled = false
    }

    private func attemptOnce<T>(_ url: URL, body: Data, parse: (Data) throws(ReplyParser.Problem) -> T) async -> Result<T, AttemptFailure> {
        var request = HTTPTransport.Request(url: url, headers: [(name: "Content-Type", value: "application/json")], body: body)
        authorize(&request)
        let response: HTTPTransport.Response
        do {
            response = try await transport.send(request, firstByteTimeout: configuration.firstByteTimeout, timeout: configuration.requestTimeout)
        } catch {
            return .failure(describe(error))
        }
        let data = response.body
        let status = response.status
        guard (200..<300).contains(status) else {
            let detail =
                (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["error"]
                .map { ReplyParser.problem(fromErrorObject: $0).message } ?? ReplyParser.excerpt(String(decoding: data, as: UTF8.self))
            let retryAfter = status == 429 ? policy.retryAfter(response.header("Retry-After")) : nil
            let retryable = status == 429 || status >= 500 || status == 408
            return .failure(AttemptFailure(message: "HTTP \(status): \(detail)", retryable: retryable, retryAfter: retryAfter))
        }
        do {
            return .success(try parse(data))
        } catch {
            return .failure(AttemptFailure(message: error.message, retryable: error.retryable))
        }
    }

    private func describe(_ failure: HTTPTransport.Failure) -> AttemptFailure {
        switch failure {
        case .firstByteTimeout:
            AttemptFailure(message: "no response within \(configuration.firstByteTimeout) s (ttfb)", retryable: true)
        case .timeout:
            AttemptFailure(message: "not finished within \(configuration.requestTimeout) s (timeout)", retryable: true)
        case .connection(let why):
            AttemptFailure(message: "connection failed: \(why)", retryable: true)
        case .tooLarge:
            AttemptFailure(message: "response larger than \(HTTPTransport.maximumBodyBytes >> 20) MiB", retryable: false)
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
