import ConvergeReport
import Foundation

/// The frame around every viewer page. Scripts and styles are separate files served by the viewer
/// itself, so the Content-Security-Policy can forbid every inline script and every other origin.
enum PageShell {
    /// `default-src 'self'` keeps every fetch on the viewer; inline styles stay allowed because each
    /// chart's SVG carries its own `<style>`, and model text reaches pages only escaped.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func page(title: String, heading: Markup, body: Markup, script: Bool = false) -> String {
        let scriptTag: Markup = script ? #"<script src="/static/view.js" defer></script>"# : .empty
        let page: Markup = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · converge view</title>
            <link rel="stylesheet" href="/static/view.css">
            \(scriptTag)
            </head>
            <body>
            <header><p class="crumbs"><a href="/">converge view</a></p><h1>\(heading)</h1></header>
            <main>\(body)</main>
            </body>
            </html>

            """
        return page.rendered
    }

    /// A link to a run or experiment page; each path segment is percent-encoded, then escaped.
    static func link(_ path: String, text: String) -> Markup {
        #"<a href="\#(href(path))">\#(text)</a>"#
    }

    static func href(_ path: String) -> String {
        "/run/"
            + path.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
            .joined(separator: "/")
    }
}
