import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// One HTTP exchange with a first-byte deadline and an overall deadline, over AsyncHTTPClient.
///
/// Responses are streamed (server-sent events or NDJSON), so the first body byte arrives as soon as
/// the server starts generating: a request stuck in a server's queue, or a hung server, misses the
/// first-byte deadline long before the overall one. AsyncHTTPClient rather than `URLSession`:
/// swift-corelibs-foundation's libcurl glue keeps polling an idle socket for writability, so a
/// client waiting on a slow server kept a core busy (BENCHMARKS.md, "HTTP path").
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

    /// What to send; a body makes it a POST.
    struct Request: Sendable {
        var url: URL
        var headers: [(name: String, value: String)] = []
        var body: Data?
    }

    /// A whole response.
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// The largest response body read: far above any turn's reply, far below what would exhaust
    /// memory when a misbehaving server streams without end.
    static let maximumBodyBytes = 16 << 20

    private let client: HTTPClient

    /// - Parameter connectionsPerHost: connections kept to each server, the agent's concurrency.
    init(connectionsPerHost: Int) {
        // Redirects are followed within AsyncHTTPClient, which drops `Authorization` on a redirect
        // to another origin (scheme, host or port), so a key reaches only the server it was
        // configured for (`KeyLeakTests`).
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 5, allowCycles: false))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connectionsPerHost, 1))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit { _ = client.shutdown() }

    /// Sends a request and collects the whole response body.
    /// - Throws: `Failure`; `.cancelled` when the calling task is cancelled.
    func send(_ request: Request, firstByteTimeout: Double, timeout: Double) async throws(Failure) -> Response {
        if Task.isCancelled { throw .cancelled }
        let started = FirstByte()
        do {
            return try await withThrowingTaskGroup(of: Response.self) { group in
                group.addTask { try await self.exchange(request, started: started) }
                group.addTask {
                    try await Task.sleep(for: .seconds(firstByteTimeout))
                    if !started.seen { throw Failure.firstByteTimeout }
                    try await Task.sleep(for: .seconds(max(timeout - firstByteTimeout, 0)))
                    throw Failure.timeout
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw Failure.cancelled }
                return first
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            if Task.isCancelled || error is CancellationError { throw .cancelled }
            throw .connection(Self.describe(error))
        }
    }

    private func exchange(_ request: Request, started: FirstByte) async throws -> Response {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body {
            outgoing.method = .POST
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        // The watchdog in `send` governs; this deadline only keeps the client from giving up first.
        let response = try await client.execute(outgoing, deadline: .distantFuture)
        var body = Data()
        for try await chunk in response.body {
            started.see()
            guard body.count + chunk.readableBytes <= Self.maximumBodyBytes else { throw Failure.tooLarge }
            body.append(contentsOf: chunk.readableBytesView)
        }
        return Response(status: Int(response.status.code), headers: response.headers, body: body)
    }

    /// AsyncHTTPClient's errors print as type names; these read as what went wrong.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return error.description }
        return "\(error)"
    }
}

/// Whether a response body has begun; set from the exchange, read by the watchdog.
private final class FirstByte: Sendable {
    private let flag = Atomic(false)
    var seen: Bool { flag.load(ordering: .acquiring) }
    func see() { flag.store(true, ordering: .releasing) }
}
