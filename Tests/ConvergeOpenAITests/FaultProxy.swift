import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A proxy on 127.0.0.1 in front of a real server that misbehaves on purpose: each new connection
/// takes the next fault from a script, and once the script is used up requests pass through.
final class FaultProxy: Sendable {
    enum Fault: Sendable, CustomStringConvertible {
        case tooManyRequests(retryAfter: Int)
        case serverError
        case badRequest
        case hang
        case garbage
        case reset
        case errorInBody
        case endless
        /// A 307 to this URL, which keeps the method and body.
        case redirect(to: String)
        case passThrough

        var description: String {
            switch self {
            case .tooManyRequests(let s): "429 with Retry-After \(s)"
            case .serverError: "500"
            case .badRequest: "400"
            case .hang: "a hang"
            case .garbage: "garbage"
            case .reset: "a connection reset"
            case .errorInBody: "an error object in a 200 body"
            case .endless: "a 200 body without end"
            case .redirect(let url): "a redirect to \(url)"
            case .passThrough: "pass-through"
            }
        }
    }

    let port: UInt16
    private let upstream: UInt16
    private let listener: Int32
    private let state: Mutex<(script: [Fault], connections: Int, requests: [String], stopped: Bool, accepted: [Date])>

    init(upstream: UInt16, script: [Fault]) throws {
        self.upstream = upstream
        (listener, port) = try LocalSocket.listen()
        state = Mutex((script, 0, [], false, []))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// Connections accepted so far.
    var connections: Int { state.withLock { $0.connections } }
    /// When each connection was accepted.
    var acceptTimes: [Date] { state.withLock { $0.accepted } }
    /// Every request's head and body as received, to check what a client sent.
    var requests: [String] { state.withLock { $0.requests } }

    func stop() {
        state.withLock { $0.stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let fault = state.withLock { state -> Fault in
                state.connections += 1
                state.accepted.append(Date())
                return state.script.isEmpty ? .passThrough : state.script.removeFirst()
            }
            Thread { [self] in handle(client, fault) }.start()
        }
    }

    private func handle(_ client: Int32, _ fault: Fault) {
        defer { close(client) }
        guard let request = LocalSocket.readRequest(client) else { return }
        state.withLock { $0.requests.append(String(decoding: request, as: UTF8.self)) }
        switch fault {
        case .tooManyRequests(let seconds):
            respond(client, "429 Too Many Requests", #"{"error":{"message":"slow down","code":429}}"#, extra: "Retry-After: \(seconds)\r\n")
        case .serverError:
            respond(client, "500 Internal Server Error", #"{"error":{"message":"boom","code":500}}"#)
        case .badRequest:
            respond(client, "400 Bad Request", #"{"error":{"message":"bad field","code":400}}"#)
        case .redirect(let url):
            respond(client, "307 Temporary Redirect", "", extra: "Location: \(url)\r\n")
        case .errorInBody:
            respond(client, "200 OK", #"{"error":{"message":"upstream overloaded","code":503}}"#)
        case .garbage:
            LocalSocket.write(
                client, Data("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\ndata: {\"choices\": [ garbage ]]\n\n".utf8))
        case .endless:
            // Streams filler until the client hangs up (or 64 MiB, so a test that fails still ends).
            LocalSocket.write(client, Data("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n".utf8))
            let chunk = [UInt8](repeating: UInt8(ascii: ":"), count: 1 << 16)
            for _ in 0..<1024 where !state.withLock({ $0.stopped }) {
                if send(client, chunk, chunk.count, Int32(MSG_NOSIGNAL)) <= 0 { return }
            }
        case .hang:
            // Hold the connection without a byte until the client gives up or the proxy stops.
            for _ in 0..<300 where !state.withLock({ $0.stopped }) {
                var byte: UInt8 = 0
                if recv(client, &byte, 1, Int32(MSG_DONTWAIT)) == 0 { return }
                usleep(100_000)
            }
        case .reset:
            // SO_LINGER with a zero timeout turns close() into a TCP reset.
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .passThrough:
            relay(request, from: client)
        }
    }

    private func respond(_ client: Int32, _ status: String, _ body: String, extra: String = "") {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\(extra)Connection: close\r\n\r\n"
        LocalSocket.write(client, Data((head + body).utf8))
    }

    /// Forwards one request upstream with `Connection: close`, so the end of the answer is the end
    /// of the stream, and copies the answer back.
    private func relay(_ request: Data, from client: Int32) {
        guard let server = LocalSocket.connect(port: upstream) else { return }
        defer { close(server) }
        guard let end = request.range(of: Data("\r\n\r\n".utf8)) else { return }
        let head = String(decoding: request[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
            .filter { !$0.lowercased().hasPrefix("connection:") }.joined(separator: "\r\n")
        LocalSocket.write(server, Data((head + "\r\nConnection: close\r\n\r\n").utf8) + request[end.upperBound...])
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(server, &buffer, buffer.count, 0)
            if n <= 0 { return }
            LocalSocket.write(client, Data(buffer[0..<n]))
        }
    }
}
