/// sacrebleu's default `13a` tokenizer (mteval-v13a), reproduced code point for code point from
/// `sacrebleu/tokenizers/tokenizer_13a.py` and `tokenizer_re.py` (sacrebleu 2.6.0).
///
/// Tokens are kept as code point arrays because sacrebleu compares them as Python strings: "é" and
/// "e\u{301}" are different tokens there, while Swift's `String` would call them equal.
public enum Tokenizer13a {
    /// Tokenizes one segment as `BLEU(tokenize="13a")` does before counting n-grams, including the
    /// `rstrip()` that sacrebleu applies first.
    /// - Parameter text: the raw segment.
    /// - Returns: the tokens, each as a `String` built from the exact code points.
    public static func tokenize(_ text: String) -> [String] {
        tokens(of: text).map { String(String.UnicodeScalarView($0)) }
    }

    static func tokens(of text: String) -> [[Unicode.Scalar]] {
        var line = PythonText.rstrip(Array(text.unicodeScalars))
        line = PythonText.replace(Array("<skipped>".unicodeScalars), with: [], in: line)
        line = PythonText.replace(["-", "\n"], with: [], in: line)
        line = PythonText.replace(["\n"], with: [" "], in: line)
        if line.contains("&") {
            for (entity, character) in entities {
                line = PythonText.replace(Array(entity.unicodeScalars), with: [character], in: line)
            }
        }
        line = [" "] + line + [" "]
        line = separateSymbols(line)
        // The three rules below are Python `re.sub` calls with two-character patterns: a match
        // consumes both characters, so "a.." separates only the first period here.
        line = substitutePairs(line, { !isDigit($0) }, isPeriodOrComma) { [$0, " ", $1, " "] }
        line = substitutePairs(line, isPeriodOrComma, { !isDigit($0) }) { [" ", $0, " ", $1] }
        line = substitutePairs(line, isDigit, { $0 == "-" }) { [$0, " ", $1, " "] }
        return PythonText.split(line)
    }

    /// Replaced in this order, each over the whole line, so "&amp;lt;" becomes "&lt;", not "<".
    private static let entities: [(String, Unicode.Scalar)] = [
        ("&quot;", "\""), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"),
    ]

    /// `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `: ASCII punctuation and symbols except the
    /// apostrophe, comma, hyphen and period, which the later rules treat by context.
    private static func separateSymbols(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.count * 2)
        for scalar in line {
            if isSeparatedSymbol(scalar) {
                result.append(contentsOf: [" ", scalar, " "])
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    private static func isSeparatedSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F: true
        default: false
        }
    }

    /// `re.sub` of a pattern that matches exactly two code points, scanning left to right and
    /// resuming after each match, as Python does.
    private static func substitutePairs(
        _ line: [Unicode.Scalar],
        _ first: (Unicode.Scalar) -> Bool,
        _ second: (Unicode.Scalar) -> Bool,
        _ replacement: (Unicode.Scalar, Unicode.Scalar) -> [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.count + line.count / 2)
        var i = 0
        while i < line.count {
            if i + 1 < line.count, first(line[i]), second(line[i + 1]) {
                result.append(contentsOf: replacement(line[i], line[i + 1]))
                i += 2
            } else {
                result.append(line[i])
                i += 1
            }
        }
        return result
    }

    /// `[0-9]` in the patterns is ASCII only, unlike `\d`.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isPeriodOrComma(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "," }
}
