/// Self-BLEU (Zhu et al., 2018) over a set of texts (docs/METRICS.md, "Self-BLEU").
public enum SelfBLEU {
    /// The mean, over the texts, of sacrebleu `sentence_bleu(text_i, [every other text])`: each
    /// text is the hypothesis once, with all the others as its references together (multi-reference
    /// clipping and closest reference length), not averaged pair by pair.
    /// - Parameter texts: the texts, for example every output of one conversation.
    /// - Returns: a value on the 0–100 scale (higher means less diverse), or nil for fewer than two
    ///   texts.
    public static func value(_ texts: [String]) -> Double? {
        guard texts.count >= 2 else { return nil }
        let segments = texts.map(BLEUSegment.init)
        var sum = 0.0
        for index in segments.indices {
            var references = segments
            references.remove(at: index)
            sum += BLEU.sentenceScore(hypothesis: segments[index], references: references).score
        }
        return sum / Double(segments.count)
    }

    /// The BLEU signature of a self-BLEU value over `count` texts.
    /// - Parameter count: the number of texts, at least 2.
    /// - Returns: the signature with `nrefs` set to `count − 1`.
    public static func signature(count: Int) -> String { BLEU.signature(referenceCount: count - 1) }
}
