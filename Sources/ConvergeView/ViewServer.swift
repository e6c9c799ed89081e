public import Foundation
import Hummingbird
import Logging
import NIOCore

/// `converge view`: a local web server over every run and experiment under a directory.
///
/// It keeps no state of its own: every request reads the files runs write, so a page shows a run
/// as it is on disk, live while it is written.
public struct ViewServer: Sendable {
    public var root: URL
    /// 127.0.0.1 unless the user asks otherwise: the pages show model output and file paths.
    public var host: String
    /// 0 picks any free port; `onStart` is told which.
    public var port: Int

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8420) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Serves until cancelled, or until SIGINT/SIGTERM when `handleSignals` is set.
    /// - Parameter onStart: told the address the server listens on, once it does.
    /// - Throws: when the address cannot be bound.
    public func run(handleSignals: Bool, onStart: @escaping @Sendable (URL) -> Void) async throws {
        var logger = Logger(label: "converge.view")
        // Cancellation is how the viewer stops, and Hummingbird logs it as an error; failures that
        // matter (an address in use) are thrown instead.
        logger.logLevel = .critical
        let host = host
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                onStart(URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")!)
            },
            logger: logger)
        if handleSignals { try await app.runService() } else { try await app.run() }
    }

    func router() -> Router<BasicRequestContext> {
        let root = root
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/") { _, _ in
            Self.respond(
                IndexPage.render(ViewerEntry.list(under: root), root: root.lastPathComponent, atlas: AtlasPage.link(root, path: "")),
                type: "text/html; charset=utf-8")
        }
        router.get("/static/view.css") { _, _ in Self.respond(ViewAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/view.js") { _, _ in Self.respond(ViewAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/run/**") { _, context in
            let entry = try Self.entry(context.parameters.getCatchAll().map(String.init), root: root)
            let html = try entry.kind == .experiment ? ExperimentPage.render(entry) : RunPage.render(entry, data: RunPageData.load(entry.url))
            return Self.respond(html, type: "text/html; charset=utf-8")
        }
        router.get("/atlas") { _, _ in try AtlasPage.response(root) }
        router.get("/atlas/**") { _, context in
            try AtlasPage.response(try Self.entry(context.parameters.getCatchAll().map(String.init), root: root).url)
        }
        router.get("/api/turns") { request, _ in
            let path = request.uri.queryParameters.get("run") ?? ""
            let after = request.uri.queryParameters.get("after", as: Int.self) ?? 0
            let wait = request.uri.queryParameters.get("wait", as: Double.self) ?? 0
            let live = try await LiveTurns.after(after, waitingUpTo: wait) {
                try Self.entry(path.split(separator: "/").map(String.init), root: root)
            }
            return Self.respond(try live.json(), type: "application/json")
        }
        return router
    }

    /// The run or experiment at `components` under `root`; never a path outside it.
    static func entry(_ components: [String], root: URL) throws -> ViewerEntry {
        let decoded = components.map { $0.removingPercentEncoding ?? $0 }
        let unsafe = decoded.contains { $0.isEmpty || $0.hasPrefix(".") || $0.contains("/") }
        // `converge view RUN_DIR` serves the run itself, under its own name.
        if decoded == [root.lastPathComponent], ViewerEntry.isRun(root) { return ViewerEntry.run(at: root, path: decoded[0]) }
        guard !decoded.isEmpty, !unsafe else { throw HTTPError(.notFound, message: "no such run") }
        let url = decoded.reduce(root) { $0.appendingPathComponent($1) }
        let path = decoded.joined(separator: "/")
        if ViewerEntry.isExperiment(url) { return ViewerEntry.experiment(at: url, path: path) }
        guard ViewerEntry.isRun(url) else { throw HTTPError(.notFound, message: "no run at \(path)") }
        return ViewerEntry.run(at: url, path: path)
    }

    static func respond(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
