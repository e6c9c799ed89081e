/// The word tokens shared by Jaccard distance and the repetition metrics: maximal runs of Python
/// alphanumeric code points, lowercased with Python's `str.lower()`.
///
/// Python: `[t.lower() for t in re.findall(r"[^\W_]+", x)]`. Punctuation, whitespace, underscores
/// and combining marks separate words; letters and digits of every script are kept.
public enum WordTokens {
    /// The lowercased words of a text, in order, repeats kept.
    /// - Parameter text: any text.
    /// - Returns: the words as `String`s built from their exact code points.
    public static func words(_ text: String) -> [String] {
        scalarWords(text).map { String(String.UnicodeScalarView($0)) }
    }

    static func scalarWords(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if PythonText.isAlnum(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(PythonText.lower(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(PythonText.lower(current)) }
        return words
    }
}
