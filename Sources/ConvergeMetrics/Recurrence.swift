/// Recurrence: how much of an output repeats the outputs just before it or itself, with numbers
/// blanked out (docs/METRICS.md, "Recurrence").
///
/// rep-4 over a joined window dilutes a loop with the text around it: an exact X, Y, X cycle
/// between the agents scores only about a third. Recurrence asks instead what share of the new
/// output's 4-grams were already seen, so the cycle scores 1. Every run of decimal digits becomes
/// a word "0" first, so "Question 8: …", "Question 9: …" and counters that tick up every line, even
/// glued to letters, read as the repetition they are.
public enum Recurrence {
    /// The share of the n-grams of `text` that already occur earlier in `earlier` joined with
    /// `text`, over `WordTokens` with digit runs split off and normalised to "0".
    /// - Parameters:
    ///   - text: the new output, o_t.
    ///   - earlier: the texts before it, oldest first (normally o_{t−2} and o_{t−1}).
    ///   - n: the n-gram order, at least 1.
    /// - Returns: a value in [0, 1], or nil when `text` has fewer than `n` words.
    public static func value(_ text: String, after earlier: [String], n: Int = 4) -> Double? {
        precondition(n >= 1, "n-gram order must be at least 1, got \(n)")
        let prefix = earlier.flatMap(normalisedWords)
        let words = prefix + normalisedWords(text)
        guard words.count - prefix.count >= n else { return nil }
        var seen = Set<ArraySlice<[Unicode.Scalar]>>()
        var repeated = 0
        // n-grams that straddle the boundary belong to the earlier text: they are seen, not counted.
        for start in 0...(words.count - n) {
            let gram = words[start..<(start + n)]
            if start >= prefix.count, seen.contains(gram) { repeated += 1 }
            seen.insert(gram)
        }
        return Double(repeated) / Double(words.count - prefix.count - n + 1)
    }

    /// `WordTokens` with every maximal run of decimal digits made a word of its own, "0": a
    /// counter glued to letters ("w49w50w51…") reads as the same few words again and again.
    static func normalisedWords(_ text: String) -> [[Unicode.Scalar]] {
        WordTokens.scalarWords(text).flatMap { word in
            var pieces: [[Unicode.Scalar]] = []
            var inDigits: Bool?
            for scalar in word {
                let isDigit = scalar.properties.numericType == .decimal
                if isDigit != inDigits { pieces.append(isDigit ? ["0"] : []) }
                if !isDigit { pieces[pieces.count - 1].append(scalar) }
                inDigits = isDigit
            }
            return pieces
        }
    }
}
