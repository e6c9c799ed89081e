/// Escapes text for every sink in the report: HTML text nodes, quoted HTML attribute values, and the
/// same two places in SVG (which is XML).
///
/// Model output and seeds are untrusted, so every piece of text that reaches `report.html` or a chart
/// goes through this one function (the `Markup` interpolation calls it for each `String`).
/// `&`, `<`, `>`, `"` and `'` become entities. Characters that XML 1.0 forbids even as references
/// (C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF), plus DEL and the C1
/// controls that HTML reports as parse errors, become U+FFFD, so a chart stays well-formed XML
/// whatever a model emits.
/// - Parameter text: any text, including model output.
/// - Returns: text safe inside an element or a single- or double-quoted attribute value.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
