/// The parts of Python's `str` semantics that the metric contract (docs/METRICS.md) is written in.
///
/// Swift's `String` compares by canonical equivalence and treats "\r\n" as one `Character`, while
/// Python compares and scans code points. Every metric that must equal a Python reference therefore
/// works on arrays of `Unicode.Scalar`, never on `String` or `Character`; BLEU works on UTF-8 bytes,
/// which compare the same way (`UTF8Text`).
enum PythonText {
    /// Python's `str.isspace()` for one code point: bidirectional class WS, B or S, or category Zs.
    /// The list is fixed since Unicode 6.3 (when U+180E left it), so it is spelled out rather than
    /// derived from Swift's tables, whose notion of whitespace differs.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// Python's `str.isalnum()` for one code point, which is what `[^\W_]` matches in a `str`
    /// pattern: a letter (Lu, Ll, Lt, Lm, Lo) or any code point with a numeric type (decimal, digit
    /// or numeric). Combining marks are not alphanumeric in Python, so they split words.
    static func isAlnum(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII fast path: Unicode property lookups dominate the cost of tokenizing English.
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return properties.numericType != nil
        }
    }

    /// Python's `str.lower()`: the full (one-to-many) lowercase mapping of each code point, plus
    /// the one context rule Python applies, Greek final sigma.
    static func lower(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if scalar.value == 0x03A3 {
                result.append(isFinalSigma(at: index, in: scalars) ? "\u{03C2}" : "\u{03C3}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return result
    }

    /// Unicode's Final_Sigma context as CPython's `handle_capital_sigma` tests it: a cased letter
    /// before (skipping case-ignorable code points) and none after.
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let before = scalars[..<index].last { !$0.properties.isCaseIgnorable }
        guard let before, before.properties.isCased else { return false }
        let after = scalars[(index + 1)...].first { !$0.properties.isCaseIgnorable }
        return after.map { !$0.properties.isCased } ?? true
    }
}
