import ConvergeReport
import Foundation
import Hummingbird
import NIOCore

/// `/atlas/PATH`: the `atlas.html` that `converge atlas` wrote into a run or experiment directory
/// (or `/atlas/` for the viewer's root), served as it is, under the atlas's own policy: it needs
/// inline styles and nothing else.
enum AtlasPage {
    static func file(in directory: URL) -> URL { directory.appendingPathComponent("atlas.html") }

    static func exists(in directory: URL) -> Bool { FileManager.default.fileExists(atPath: file(in: directory).path) }

    /// A link to the directory's atlas, or nothing when it has none.
    /// - Parameter path: the directory's path under the viewer's root; empty for the root.
    static func link(_ directory: URL, path: String) -> Markup {
        guard exists(in: directory) else { return .empty }
        let segments = path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
        let href = path.isEmpty ? "/atlas" : "/atlas/" + segments.joined(separator: "/")
        return #"<p><a href="\#(href)">Attractor atlas</a>: the kinds of loop in these runs (<code>converge atlas</code>).</p>"#
    }

    /// The atlas file as a response.
    /// - Throws: `HTTPError` 404 when the directory has no atlas.
    static func response(_ directory: URL) throws -> Response {
        guard let html = try? String(contentsOf: file(in: directory), encoding: .utf8) else {
            throw HTTPError(.notFound, message: "no atlas here: run converge atlas on this directory")
        }
        var response = ViewServer.respond(html, type: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = atlasContentSecurityPolicy
        return response
    }
}
