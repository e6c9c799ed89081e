/// sacrebleu's default `13a` tokenizer (mteval-v13a), reproduced code point for code point from
/// `sacrebleu/tokenizers/tokenizer_13a.py` and `tokenizer_re.py` (sacrebleu 2.6.0).
///
/// It works on UTF-8 bytes rather than code points because every pattern and replacement is ASCII,
/// and an ASCII byte never occurs inside a multi-byte sequence: each rule matches and cuts at the
/// same places as on code points, and BLEU runs about ten times faster than sacrebleu this way
/// (BENCHMARKS.md). Tokens compare as bytes, so "é" and "e\u{301}" stay different tokens, as they
/// are for Python, where Swift's `String` would call them equal.
public enum Tokenizer13a {
    /// Tokenizes one segment as `BLEU(tokenize="13a")` does before counting n-grams, including the
    /// `rstrip()` that sacrebleu applies first.
    /// - Parameter text: the raw segment.
    /// - Returns: the tokens, each as a `String` built from the exact code points.
    public static func tokenize(_ text: String) -> [String] {
        let line = tokens(of: text)
        return line.ranges.map { String(decoding: line.bytes[$0], as: UTF8.self) }
    }

    /// The tokenized line and where each token lies in it.
    static func tokens(of text: String) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var line = Array(text.utf8)
        line.removeLast(UTF8Text.trailingSpaceCount(line))
        if line.contains(UInt8(ascii: "<")) { line = UTF8Text.replace(skipped, with: [], in: line) }
        if line.contains(UInt8(ascii: "\n")) {
            line = UTF8Text.replace(Array("-\n".utf8), with: [], in: line)
            line = UTF8Text.replace(Array("\n".utf8), with: [space], in: line)
        }
        if line.contains(UInt8(ascii: "&")) {
            for (entity, character) in entities {
                line = UTF8Text.replace(entity, with: [character], in: line)
            }
        }
        line = separateSymbols(line)
        // The three rules below are Python `re.sub` calls with two-character patterns: a match
        // consumes both characters, so "a.." separates only the first period here.
        // Each is skipped when its character is absent, which leaves the line as it is anyway.
        if line.contains(where: isPeriodOrComma) {
            line = substitutePairs(line, { !isDigit($0) }, isPeriodOrComma, spaceBefore: false)
            line = substitutePairs(line, isPeriodOrComma, { !isDigit($0) }, spaceBefore: true)
        }
        if line.contains(UInt8(ascii: "-")) {
            line = substitutePairs(line, isDigit, { $0 == UInt8(ascii: "-") }, spaceBefore: false)
        }
        return (line, UTF8Text.split(line))
    }

    private static let space = UInt8(ascii: " ")
    private static let skipped = Array("<skipped>".utf8)

    /// Replaced in this order, each over the whole line, so "&amp;lt;" becomes "&lt;", not "<".
    private static let entities: [([UInt8], UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&amp;".utf8), UInt8(ascii: "&")),
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
    ]

    /// `f" {line} "`, then `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `: ASCII punctuation and symbols
    /// except the apostrophe, comma, hyphen and period, which the later rules treat by context.
    private static func separateSymbols(_ line: [UInt8]) -> [UInt8] {
        var result: [UInt8] = [space]
        result.reserveCapacity(line.count * 2 + 2)
        for byte in line {
            if isSeparatedSymbol(byte) {
                result.append(space)
                result.append(byte)
                result.append(space)
            } else {
                result.append(byte)
            }
        }
        result.append(space)
        return result
    }

    private static func isSeparatedSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F: true
        default: false
        }
    }

    /// `re.sub` of a pattern that matches exactly two code points, scanning left to right and
    /// resuming after each match, as Python does. The replacement is the pair with a space between
    /// and a space after (`\1 \2 `), or with a space before each (` \1 \2`).
    @inline(__always)
    private static func substitutePairs(
        _ line: [UInt8], _ first: (UInt8) -> Bool, _ second: (UInt8) -> Bool, spaceBefore: Bool
    ) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(line.count + line.count / 2)
        var i = 0
        while i < line.count {
            if i + 1 < line.count, first(line[i]), second(line[i + 1]) {
                if spaceBefore { result.append(space) }
                result.append(line[i])
                result.append(space)
                result.append(line[i + 1])
                if !spaceBefore { result.append(space) }
                i += 2
            } else {
                result.append(line[i])
                i += 1
            }
        }
        return result
    }

    /// `[0-9]` in the patterns is ASCII only, unlike `\d`.
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isPeriodOrComma(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }
}
