internal import Foundation

/// Sentence-level BLEU, equal to sacrebleu 2.6.0 `sentence_bleu(hypothesis, references)` with its
/// defaults: tokenizer 13a, smoothing `exp`, effective order, case-sensitive, scale 0–100.
///
/// The arithmetic follows `BLEU.compute_bleu` operation by operation so that results agree to the
/// last bit, not just to a tolerance. Definitions: docs/METRICS.md, "BLEU".
public enum BLEU {
    /// The sacrebleu release whose behaviour this reproduces and whose signature it publishes.
    public static let sacrebleuVersion = "2.6.0"

    /// The highest n-gram order, sacrebleu's `MAX_NGRAM_ORDER`.
    public static let maxOrder = 4

    /// sacrebleu's reproducibility signature for these settings.
    /// - Parameter referenceCount: references per hypothesis; 1 for pairwise scores.
    /// - Returns: for example `nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0`.
    public static func signature(referenceCount: Int = 1) -> String {
        "nrefs:\(referenceCount)|case:mixed|eff:yes|tok:13a|smooth:exp|version:\(sacrebleuVersion)"
    }

    /// BLEU of one hypothesis against one reference.
    /// - Parameters:
    ///   - hypothesis: the later text.
    ///   - reference: the earlier text.
    /// - Returns: the score on the 0–100 scale.
    public static func score(hypothesis: String, reference: String) -> Double {
        sentenceScore(hypothesis: BLEUSegment(hypothesis), references: [BLEUSegment(reference)]).score
    }

    /// `1 − BLEU/100`, clamped at 0 because sacrebleu scores identical texts 100.00000000000004.
    /// - Parameters:
    ///   - hypothesis: the later text.
    ///   - reference: the earlier text.
    /// - Returns: the distance in [0, 1]; 1 when either text has no tokens.
    public static func distance(hypothesis: String, reference: String) -> Double {
        BLEUScore.distance(fromScore: score(hypothesis: hypothesis, reference: reference))
    }

    /// BLEU of a hypothesis against one or more references, with sacrebleu's multi-reference rules:
    /// each n-gram is clipped by its largest count in any reference, and the reference length is
    /// the one closest to the hypothesis length (the shorter on a tie).
    /// - Parameters:
    ///   - hypothesis: the tokenized hypothesis.
    ///   - references: at least one tokenized reference.
    /// - Returns: the score with its sufficient statistics.
    public static func sentenceScore(hypothesis: BLEUSegment, references: [BLEUSegment]) -> BLEUScore {
        precondition(!references.isEmpty, "BLEU needs at least one reference")
        let referenceLength = closestLength(to: hypothesis.length, among: references.map(\.length))
        let matches = NGramMatches.clipped(hypothesis, references: references)
        let totals = (1...maxOrder).map { max(0, hypothesis.length - $0 + 1) }
        return compute(
            matches: matches, totals: totals, hypothesisLength: hypothesis.length,
            referenceLength: referenceLength)
    }

    /// `BLEU._get_closest_ref_len`.
    private static func closestLength(to length: Int, among lengths: [Int]) -> Int {
        var best = lengths[0]
        for candidate in lengths.dropFirst() {
            let difference = abs(length - candidate)
            let bestDifference = abs(length - best)
            if difference < bestDifference || (difference == bestDifference && candidate < best) {
                best = candidate
            }
        }
        return best
    }

    /// `BLEU.compute_bleu` with `smooth_method="exp"` and `effective_order=True`.
    private static func compute(
        matches: [Int], totals: [Int], hypothesisLength: Int, referenceLength: Int
    ) -> BLEUScore {
        var brevityPenalty = 1.0
        if hypothesisLength < referenceLength {
            brevityPenalty =
                hypothesisLength > 0
                ? exp(1 - Double(referenceLength) / Double(hypothesisLength)) : 0.0
        }
        var precisions = [Double](repeating: 0, count: maxOrder)
        var result = BLEUScore(
            score: 0, matches: matches, totals: totals, precisions: precisions,
            brevityPenalty: brevityPenalty, hypothesisLength: hypothesisLength,
            referenceLength: referenceLength)
        // sacrebleu returns 0 outright when nothing matches (its issue #141).
        guard matches.contains(where: { $0 != 0 }) else { return result }
        var smoothing = 1.0
        var effectiveOrder = maxOrder
        for n in 0..<maxOrder {
            if totals[n] == 0 { break }
            effectiveOrder = n + 1
            if matches[n] == 0 {
                smoothing *= 2
                precisions[n] = 100.0 / (smoothing * Double(totals[n]))
            } else {
                precisions[n] = 100.0 * Double(matches[n]) / Double(totals[n])
            }
        }
        // Python's `sum` adds left to right from 0; the same order keeps the result bit-identical.
        var logSum = 0.0
        for precision in precisions[..<effectiveOrder] { logSum += log(precision) }
        result.precisions = precisions
        result.score = brevityPenalty * exp(logSum / Double(effectiveOrder))
        return result
    }
}

/// A text tokenized for BLEU once, so that it can serve in many pairs without re-tokenizing.
public struct BLEUSegment: Sendable {
    /// The number of 13a tokens.
    public let length: Int
    /// The tokenized line's UTF-8 bytes; token `i` is `bytes[ranges[i]]`.
    let bytes: [UInt8]
    let ranges: [Range<Int>]
    /// A hash of each token's bytes, so n-grams are found by hash and confirmed by bytes.
    let hashes: [UInt64]

    /// Tokenizes a text with the 13a tokenizer.
    /// - Parameter text: the raw text.
    public init(_ text: String) {
        (bytes, ranges) = Tokenizer13a.tokens(of: text)
        length = ranges.count
        hashes = ranges.map { [bytes] range in
            // FNV-1a: short tokens, and equal hashes are always confirmed byte by byte.
            bytes[range].reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
    }

    /// Whether the n-grams of `order` tokens starting at `start` here and at `otherStart` in
    /// `other` are the same tokens.
    func sameNGram(at start: Int, as other: BLEUSegment, at otherStart: Int, order: Int) -> Bool {
        for offset in 0..<order {
            let mine = start + offset
            let theirs = otherStart + offset
            guard hashes[mine] == other.hashes[theirs], ranges[mine].count == other.ranges[theirs].count,
                bytes[ranges[mine]].elementsEqual(other.bytes[other.ranges[theirs]])
            else { return false }
        }
        return true
    }
}

/// A BLEU score with the statistics sacrebleu reports beside it.
public struct BLEUScore: Sendable, Equatable {
    /// BLEU on the 0–100 scale.
    public var score: Double
    /// Clipped n-gram matches for orders 1 to 4.
    public var matches: [Int]
    /// Hypothesis n-grams for orders 1 to 4.
    public var totals: [Int]
    /// Smoothed precisions in percent; 0 beyond the effective order.
    public var precisions: [Double]
    /// exp(1 − r/c) when the hypothesis is shorter than the reference, else 1; 0 for no tokens.
    public var brevityPenalty: Double
    /// c, the hypothesis's 13a token count.
    public var hypothesisLength: Int
    /// r, the token count of the reference closest in length to the hypothesis.
    public var referenceLength: Int

    /// `1 − score/100`, clamped to [0, 1].
    public var distance: Double { Self.distance(fromScore: score) }

    static func distance(fromScore score: Double) -> Double { min(1, max(0, 1 - score / 100)) }
}
