public import ConvergeCore
import Foundation

/// Draws the next token from a logit vector, in the order `SamplerSettings` documents: penalties,
/// temperature, top-k, top-p, min-p, draw.
///
/// Top-p avoids sorting the whole vocabulary (262k entries for Gemma, about 9 ms a token in
/// llama.cpp's sampler): it lowers a probability cut-off geometrically until the tokens above it
/// hold the top-p mass, then sorts only those. Every token outside that set is less likely than
/// every token in it, so the kept set, and therefore the distribution, is exactly top-p's.
public struct TokenSampler {
    public var settings: SamplerSettings
    private var rng: RandomStream
    private var weights: [Float] = []
    /// The tokens the last draw chose from, most likely first (read by the tests).
    private(set) var candidates: [Int32] = []

    public init(settings: SamplerSettings, seed: UInt64) {
        self.settings = settings
        rng = RandomStream(seed: seed)
    }

    /// Picks a token.
    /// - Parameters:
    ///   - logits: one value per vocabulary entry; penalties may change them in place.
    ///   - recent: the tokens the penalties look at, oldest first (prompt and output so far).
    public mutating func sample(logits: inout [Float], recent: ArraySlice<Int32>) -> Int32 {
        applyPenalties(to: &logits, recent: recent)
        applyDRY(to: &logits, recent: recent)
        banRepeatedNgrams(in: &logits, recent: recent)
        guard settings.temperature > 0 else { return Int32(argmax(logits)) }
        let maxLogit = logits.max() ?? 0
        let inverseTemperature = Float(1 / settings.temperature)
        if weights.count != logits.count { weights = [Float](repeating: 0, count: logits.count) }
        var total = 0.0
        for i in logits.indices {
            let w = expf((logits[i] - maxLogit) * inverseTemperature)
            weights[i] = w
            total += Double(w)
        }
        keepCandidates(total: total)
        return draw()
    }

    private func argmax(_ values: [Float]) -> Int {
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        return best
    }

    /// llama.cpp's penalties: repetition divides positive logits and multiplies negative ones;
    /// presence subtracts a constant once per seen token; frequency subtracts per occurrence.
    private func applyPenalties(to logits: inout [Float], recent: ArraySlice<Int32>) {
        let s = settings
        guard s.repeatPenalty != 1 || s.presencePenalty != 0 || s.frequencyPenalty != 0, s.penaltyLastN != 0 else { return }
        let window = s.penaltyLastN < 0 ? recent : recent.suffix(s.penaltyLastN)
        var counts: [Int32: Int] = [:]
        for token in window { counts[token, default: 0] += 1 }
        for (token, count) in counts where Int(token) < logits.count {
            var logit = logits[Int(token)]
            logit = logit > 0 ? logit / Float(s.repeatPenalty) : logit * Float(s.repeatPenalty)
            logit -= Float(count) * Float(s.frequencyPenalty) + Float(s.presencePenalty)
            logits[Int(token)] = logit
        }
    }

    /// DRY, as llama.cpp defines it: a token that would extend a repeat of the text's current ending
    /// by its `length ≥ dryAllowedLength` tokens loses `multiplier × base^(length − allowed)`.
    /// Unlike llama.cpp there are no sequence breakers, so a repeat may span a newline.
    private func applyDRY(to logits: inout [Float], recent: ArraySlice<Int32>) {
        let s = settings
        guard s.dryMultiplier > 0, s.dryPenaltyLastN != 0 else { return }
        let history = Array(s.dryPenaltyLastN < 0 ? recent : recent.suffix(s.dryPenaltyLastN))
        let n = history.count
        guard n >= 2 else { return }
        var longest: [Int32: Int] = [:]
        // For each earlier position i, how far back the text ending at i matches the current ending;
        // the token after i would continue that match.
        for i in 0..<(n - 1) {
            var length = 0
            while length <= i, history[i - length] == history[n - 1 - length] { length += 1 }
            if length > 0 { longest[history[i + 1]] = max(longest[history[i + 1], default: 0], length) }
        }
        for (token, length) in longest where length >= s.dryAllowedLength && Int(token) < logits.count {
            let exponent = Double(min(length - s.dryAllowedLength, 50))
            logits[Int(token)] -= Float(s.dryMultiplier * pow(s.dryBase, exponent))
        }
    }

    /// No-repeat-n-gram, as Hugging Face's `no_repeat_ngram_size`: a token that would complete an
    /// n-gram already present in `recent` (prompt and output) gets logit −∞, so it is never drawn.
    private func banRepeatedNgrams(in logits: inout [Float], recent: ArraySlice<Int32>) {
        let n = settings.noRepeatNgramSize
        guard n > 0, recent.count >= n - 1 else { return }
        let history = Array(recent)
        let prefix = history.suffix(n - 1)
        for start in 0...(history.count - n + 1) where start + n - 1 < history.count {
            guard history[start..<(start + n - 1)].elementsEqual(prefix) else { continue }
            let token = Int(history[start + n - 1])
            if token < logits.count { logits[token] = -.infinity }
        }
    }

    /// Fills `candidates` with the tokens that survive top-k, top-p and min-p, most likely first.
    private mutating func keepCandidates(total: Double) {
        let s = settings
        let vocabulary = weights.count
        let everything = s.topP >= 1 && (s.topK == 0 || s.topK >= vocabulary) && s.minP == 0
        candidates.removeAll(keepingCapacity: true)
        if everything {
            candidates.append(contentsOf: (0..<Int32(vocabulary)))
            return
        }
        // The most likely token has weight exactly 1 after subtracting the maximum logit.
        let floor = Float(s.minP)
        let target = s.topP * total
        var cutoff: Float = 1.0 / 256
        while true {
            candidates.removeAll(keepingCapacity: true)
            var mass = 0.0
            for i in 0..<vocabulary where weights[i] >= cutoff {
                candidates.append(Int32(i))
                mass += Double(weights[i])
            }
            let enoughForTopK = s.topK > 0 && candidates.count >= s.topK
            // With top-k, top-p's mass is that of all k most likely tokens, so all of them are needed.
            let enough = s.topK > 0 ? enoughForTopK : mass >= target || cutoff < floor
            if enough || cutoff == 0 { break }
            cutoff = cutoff > 1e-30 ? cutoff / 256 : 0
        }
        candidates.sort { weights[Int($0)] > weights[Int($1)] || (weights[Int($0)] == weights[Int($1)] && $0 < $1) }
        if s.topK > 0, candidates.count > s.topK { candidates.removeLast(candidates.count - s.topK) }
        if s.topP < 1 {
            let kept = s.topK > 0 ? candidates.reduce(0.0) { $0 + Double(weights[Int($1)]) } : total
            var cumulative = 0.0
            var end = candidates.count
            for (n, token) in candidates.enumerated() {
                cumulative += Double(weights[Int(token)])
                if cumulative >= s.topP * kept { end = n + 1; break }
            }
            candidates.removeLast(candidates.count - end)
        }
        if floor > 0 { candidates.removeAll { weights[Int($0)] < floor } }
    }

    /// Walks the kept tokens in vocabulary order, not probability order. Both give the same
    /// distribution, but two nearly equal tokens can swap places in a probability sort when batch
    /// shape nudges their logits by a rounding error, and that would remap the random draw and send
    /// a batched run down another path. In vocabulary order a nudge moves a draw only when it lands
    /// within the rounding error of a boundary.
    private mutating func draw() -> Int32 {
        candidates.sort()
        var mass = 0.0
        for token in candidates { mass += Double(weights[Int(token)]) }
        let target = rng.nextUnit() * mass
        var cumulative = 0.0
        for token in candidates {
            cumulative += Double(weights[Int(token)])
            if cumulative > target { return token }
        }
        return candidates.last ?? 0
    }
}
