/// rep-n, the share of repeated word n-grams (docs/METRICS.md, "Repetition and diversity").
public enum RepN {
    /// `1 − unique n-grams / n-grams` over a text's `WordTokens`.
    ///
    /// Run it on two consecutive outputs joined (`TurnSeries` does, as `rep_4_window`) to see a
    /// loop that the per-turn token limit cuts at shifting offsets.
    /// - Parameters:
    ///   - text: the text.
    ///   - n: the n-gram order, at least 1.
    /// - Returns: a value in [0, 1), or nil when the text has fewer than `n` words.
    public static func value(_ text: String, n: Int) -> Double? {
        let ngrams = NGrams(text, order: n)
        guard ngrams.total > 0 else { return nil }
        return 1 - Double(ngrams.unique) / Double(ngrams.total)
    }
}
