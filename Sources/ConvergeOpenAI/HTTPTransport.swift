import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP exchange with a first-byte deadline and an overall deadline, over `URLSession`.
///
/// Responses are streamed (server-sent events or NDJSON), so the first body byte arrives as soon as
/// the server starts generating: a request stuck in a server's queue, or a hung server, misses the
/// first-byte deadline long before the overall one. `URLSession.bytes(for:)` is missing from
/// swift-corelibs-foundation, so a data delegate collects the body and notes when it begins.
final class HTTPTransport: Sendable {
    /// How an exchange ended without a response.
    enum Failure: Error, Equatable {
        case firstByteTimeout
        case timeout
        case connection(String)
        case cancelled
        /// The body passed ``maximumBodyBytes``; a turn is at most a few kilobytes.
        case tooLarge
    }

    /// The largest response body read: far above any turn's reply, far below what would exhaust
    /// memory when a misbehaving server streams without end.
    static let maximumBodyBytes = 16 << 20

    fileprivate struct Exchange {
        var continuation: CheckedContinuation<(HTTPURLResponse, Data), any Error>
        var response: HTTPURLResponse?
        var body = Data()
        var firstByte = false
        var failure: Failure?
    }

    private let session: URLSession
    private let delegate = StreamDelegate()

    init(connectionsPerHost: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(connectionsPerHost, 1)
        // The deadlines below govern; these only keep URLSession from cutting a long stream short.
        configuration.timeoutIntervalForRequest = 86_400
        configuration.timeoutIntervalForResource = 86_400
        // The session keeps its delegate alive; the delegate does not point back, so `deinit` runs.
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends a request and collects the whole response body.
    /// - Throws: `Failure`; `.cancelled` when the calling task is cancelled.
    func send(_ request: URLRequest, firstByteTimeout: Double, timeout: Double) async throws -> (HTTPURLResponse, Data) {
        if Task.isCancelled { throw Failure.cancelled }
        let task = session.dataTask(with: request)
        let id = task.taskIdentifier
        let watchdog = Task { [weak self] in
            try await Task.sleep(for: .seconds(firstByteTimeout))
            if self?.fail(id, .firstByteTimeout, unlessStarted: true) == true { task.cancel() }
            try await Task.sleep(for: .seconds(max(timeout - firstByteTimeout, 0)))
            if self?.fail(id, .timeout, unlessStarted: false) == true { task.cancel() }
        }
        defer { watchdog.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.exchanges.withLock { $0[id] = Exchange(continuation: continuation) }
                task.resume()
            }
        } onCancel: {
            if fail(id, .cancelled, unlessStarted: false) { task.cancel() }
        }
    }

    /// Records why an exchange is being cut; false when it has already ended or (with
    /// `unlessStarted`) its body has begun.
    private func fail(_ id: Int, _ failure: Failure, unlessStarted: Bool) -> Bool {
        delegate.exchanges.withLock { exchanges in
            guard var exchange = exchanges[id], exchange.failure == nil else { return false }
            if unlessStarted && exchange.firstByte { return false }
            exchange.failure = failure
            exchanges[id] = exchange
            return true
        }
    }

}

/// Collects each exchange's response and body as `URLSession` delivers them.
private final class StreamDelegate: NSObject, URLSessionDataDelegate, Sendable {
    let exchanges = Mutex<[Int: HTTPTransport.Exchange]>([:])

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        exchanges.withLock { $0[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflowed = exchanges.withLock { exchanges in
            guard var exchange = exchanges[dataTask.taskIdentifier], exchange.failure == nil else { return false }
            exchange.firstByte = true
            guard exchange.body.count + data.count <= HTTPTransport.maximumBodyBytes else {
                exchange.failure = .tooLarge
                exchange.body = Data()
                exchanges[dataTask.taskIdentifier] = exchange
                return true
            }
            exchange.body.append(data)
            exchanges[dataTask.taskIdentifier] = exchange
            return false
        }
        if overflowed { dataTask.cancel() }
    }

    /// A redirect to another origin (scheme, host or port) loses the `Authorization` header, so an
    /// API key reaches only the server it was configured for.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(HTTPTransport.redirect(request, from: task.originalRequest?.url))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = exchange.failure {
            exchange.continuation.resume(throwing: failure)
        } else if let error {
            exchange.continuation.resume(throwing: HTTPTransport.Failure.connection(error.localizedDescription))
        } else if let response = exchange.response {
            exchange.continuation.resume(returning: (response, exchange.body))
        } else {
            exchange.continuation.resume(throwing: HTTPTransport.Failure.connection("no HTTP response"))
        }
    }
}

extension HTTPTransport {
    /// The request a redirect sends: unchanged within the original origin, without `Authorization`
    /// beyond it.
    static func redirect(_ request: URLRequest, from original: URL?) -> URLRequest {
        func origin(_ url: URL?) -> String? {
            url.flatMap { url in url.host.map { "\(url.scheme ?? "")://\($0.lowercased()):\(url.port ?? (url.scheme == "https" ? 443 : 80))" } }
        }
        guard origin(request.url) != origin(original) else { return request }
        var stripped = request
        stripped.setValue(nil, forHTTPHeaderField: "Authorization")
        return stripped
    }
}
