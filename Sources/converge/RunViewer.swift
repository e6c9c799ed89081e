import ConvergeView
import Foundation

/// Runs `body` with `converge view` serving the parent of `output` on a free port, and prints the
/// run page's address on stderr, beside the progress line. The viewer stops when `body` ends; a
/// viewer that cannot start only warns, since the run matters more.
func withViewer<T: Sendable>(_ output: URL?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    guard let output else { return try await body() }
    let server = ViewServer(root: output.standardizedFileURL.deletingLastPathComponent(), port: 0)
    let name = output.standardizedFileURL.lastPathComponent
    let viewer = Task {
        do {
            try await server.run(handleSignals: false) { url in
                let page = url.appendingPathComponent("run").appendingPathComponent(name)
                FileHandle.standardError.write(Data("converge: viewer at \(page.absoluteString)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("converge: warning: the viewer did not start: \(error)\n".utf8))
        }
    }
    defer { viewer.cancel() }
    return try await body()
}
