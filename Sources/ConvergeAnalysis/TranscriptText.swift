import ConvergeCore
import Foundation

/// A conversation as terminal text for labelling: the seed, then each turn numbered, with A and B
/// marked and the text wrapped to the terminal width.
public enum TranscriptText {
    /// - Parameters:
    ///   - conversation: the conversation.
    ///   - width: the terminal width in characters, at least 40 is sensible.
    /// - Returns: the text, ending with a line break.
    public static func render(_ conversation: ConversationTranscript, width: Int) -> String {
        var lines = block(prefix: "seed", conversation.seed, width: width)
        for turn in conversation.turns {
            lines.append("")
            let number = String(turn.turn)
            lines += block(prefix: String(repeating: " ", count: max(0, 3 - number.count)) + number + " " + turn.agent.rawValue, turn.text, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text under a gutter: `prefix │ line`, continuation lines with a blank gutter.
    private static func block(prefix: String, _ text: String, width: Int) -> [String] {
        let gutter = prefix.padding(toLength: 6, withPad: " ", startingAt: 0) + " │ "
        let blank = String(repeating: " ", count: 6) + " │ "
        let wrapped = wrap(visible(text), width: max(20, width - gutter.count))
        return wrapped.enumerated().map { ($0.offset == 0 ? gutter : blank) + $0.element }
    }

    /// Control characters (an escape sequence could rewrite the terminal) shown as `␛`-style
    /// symbols; line breaks kept.
    static func visible(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    if scalar == "\n" { return scalar }
                    if scalar == "\t" { return " " }
                    if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
                    if scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { return "�" }
                    return scalar
                }))
    }

    /// Greedy word wrap; each source line wraps on its own, and an empty text gives one empty line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                while word.count > width {
                    if !line.isEmpty { result.append(line); line = "" }
                    result.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = String(word)
                }
            }
            result.append(line)
        }
        return result
    }
}
