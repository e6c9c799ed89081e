/// A fragment of HTML or SVG that is already safe to emit.
///
/// Literal parts of a `Markup` string are trusted (they are written in this module's source); every
/// interpolated `String` is escaped with `escapeHTML`. Only `Markup` values and numbers are inserted
/// as they are. So `"<p>\(modelText)</p>"` cannot inject markup, and forgetting to escape is a type
/// error rather than a bug.
public struct Markup: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.out }

    /// Static text the module itself wrote, such as the stylesheet. Never pass input through this.
    public init(trusted: String) { rendered = trusted }

    public var description: String { rendered }

    public static let empty: Markup = ""

    public static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(trusted: lhs.rendered + rhs.rendered) }

    public static func += (lhs: inout Markup, rhs: Markup) { lhs.rendered += rhs.rendered }

    public struct StringInterpolation: StringInterpolationProtocol {
        var out = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            out.reserveCapacity(literalCapacity + interpolationCount * 8)
        }

        public mutating func appendLiteral(_ literal: String) { out += literal }

        /// Untrusted or not, text is escaped.
        public mutating func appendInterpolation(_ text: String) { out += escapeHTML(text) }

        public mutating func appendInterpolation(_ markup: Markup) { out += markup.rendered }

        public mutating func appendInterpolation(_ parts: [Markup]) {
            for part in parts { out += part.rendered }
        }

        public mutating func appendInterpolation(_ value: Int) { out += String(value) }

        /// Coordinates and other numbers, rounded to 0.01 so files stay small and diffs stable.
        public mutating func appendInterpolation(_ value: Double) { out += svgNumber(value) }
    }
}

extension Array where Element == Markup {
    /// The fragments one after another.
    public func joined() -> Markup { Markup(trusted: map(\.rendered).joined()) }
}

/// Formats a coordinate with at most two decimals and no trailing zeros (`12`, `3.5`, `-0.25`).
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = (value * 100).rounded()
    if hundredths == 0 { return "0" }
    let negative = hundredths < 0
    let magnitude = Int(abs(hundredths))
    var text = String(magnitude / 100)
    let fraction = magnitude % 100
    if fraction != 0 {
        text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
    }
    return negative ? "-" + text : text
}
