/// Python's `str.rstrip()`, `str.replace()` and `str.split()` over the UTF-8 bytes of a valid
/// string, for the BLEU tokenizer's hot path. Whitespace is still Python's `str.isspace()`,
/// multi-byte spaces included; the replaced patterns must be ASCII, so a match never starts inside
/// a character.
enum UTF8Text {
    /// How many bytes Python's `str.rstrip()` removes from the end.
    static func trailingSpaceCount(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0 {
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard isSpace(bytes, at: start) else { break }
            end = start
        }
        return bytes.count - end
    }

    /// Python's `str.replace(old, new)` for an ASCII `old`.
    static func replace(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = old.first, bytes.count >= old.count else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + old.count <= bytes.count, bytes[i..<(i + old.count)].elementsEqual(old) {
                result.append(contentsOf: new)
                i += old.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return result
    }

    /// Python's `str.split()` with no arguments, as the byte ranges of the parts.
    static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        parts.reserveCapacity(bytes.count / 3)
        var start: Int?
        var i = 0
        while i < bytes.count {
            let width = sequenceLength(bytes[i])
            if isSpace(bytes, at: i) {
                if let open = start { parts.append(open..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
            i += width
        }
        if let open = start { parts.append(open..<bytes.count) }
        return parts
    }

    /// Whether the character starting at `index` is whitespace for `str.isspace()`.
    @inline(__always)
    private static func isSpace(_ bytes: [UInt8], at index: Int) -> Bool {
        let lead = bytes[index]
        switch lead {
        case 0x09...0x0D, 0x1C...0x20: return true
        case ..<0x80: return false
        // U+0085 and U+00A0 start with C2; every other space is three bytes starting E1, E2 or E3.
        case 0xC2, 0xE1, 0xE2, 0xE3: return PythonText.isSpace(scalar(bytes, at: index))
        default: return false
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0xC0: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }

    private static func scalar(_ bytes: [UInt8], at index: Int) -> Unicode.Scalar {
        let width = sequenceLength(bytes[index])
        var value = UInt32(bytes[index]) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
