/// Jaccard distance between the word sets of two texts (docs/METRICS.md, "Jaccard distance").
public enum JaccardDistance {
    /// `1 − |W(a) ∩ W(b)| / |W(a) ∪ W(b)|`, where W is the set of `WordTokens` of a text.
    ///
    /// Words are compared by code points, as Python compares strings, so a precomposed "é" and
    /// "e" followed by a combining accent are different words.
    /// - Parameters:
    ///   - a: one text.
    ///   - b: the other text; the distance is symmetric.
    /// - Returns: the distance in [0, 1]; 0 when neither text has a word.
    public static func distance(_ a: String, _ b: String) -> Double {
        distance(wordSet(a), wordSet(b))
    }

    static func wordSet(_ text: String) -> Set<[Unicode.Scalar]> { Set(WordTokens.scalarWords(text)) }

    static func distance(_ a: Set<[Unicode.Scalar]>, _ b: Set<[Unicode.Scalar]>) -> Double {
        let union = a.union(b).count
        guard union > 0 else { return 0 }
        return 1 - Double(a.intersection(b).count) / Double(union)
    }
}
