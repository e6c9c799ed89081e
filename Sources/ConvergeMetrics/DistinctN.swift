/// distinct-n (Li et al., 2016), computed per text (docs/METRICS.md, "Repetition and diversity").
public enum DistinctN {
    /// The share of a text's word n-grams that are distinct: `unique n-grams / n-grams`.
    /// - Parameters:
    ///   - text: the text; tokens are `WordTokens`.
    ///   - n: the n-gram order, at least 1.
    /// - Returns: a value in (0, 1], or nil when the text has fewer than `n` words.
    public static func value(_ text: String, n: Int) -> Double? {
        let ngrams = NGrams(text, order: n)
        guard ngrams.total > 0 else { return nil }
        return Double(ngrams.unique) / Double(ngrams.total)
    }
}
