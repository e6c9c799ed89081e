import ConvergeCore
import Foundation

/// A deliberately plain reference for the sampler's filters, as Hugging Face defines them: sort the
/// whole vocabulary, then top-k, top-p over what top-k kept, min-p against the most likely token.
/// Weights are computed exactly as the sampler computes them, so only the selection logic differs.
enum NaiveSampler {
    static func weights(_ logits: [Float], temperature: Double) -> [Double] {
        let maxLogit = logits.max() ?? 0
        let inverse = Float(1 / temperature)
        return logits.map { Double(expf(($0 - maxLogit) * inverse)) }
    }

    /// The surviving tokens, most likely first, with their normalised probabilities.
    static func kept(_ logits: [Float], _ s: SamplerSettings) -> [(token: Int, probability: Double)] {
        let w = weights(logits, temperature: s.temperature)
        var order = w.indices.sorted { w[$0] > w[$1] || (w[$0] == w[$1] && $0 < $1) }
        if s.topK > 0 { order = Array(order.prefix(s.topK)) }
        if s.topP < 1 {
            let mass = s.topK > 0 ? order.reduce(0.0) { $0 + w[$1] } : w.reduce(0, +)
            var cumulative = 0.0
            var end = order.count
            for (n, token) in order.enumerated() {
                cumulative += w[token]
                if cumulative >= s.topP * mass { end = n + 1; break }
            }
            order = Array(order.prefix(end))
        }
        if s.minP > 0 { order = order.filter { w[$0] >= s.minP * w[order[0]] } }
        let total = order.reduce(0.0) { $0 + w[$1] }
        return order.map { ($0, w[$0] / total) }
    }
}

/// Reproducible random logit vectors of varied shape: flat, peaked, and long-tailed.
struct LogitFactory {
    var random: RandomStream

    mutating func normal() -> Double {
        let u1 = max(random.nextUnit(), 1e-300), u2 = random.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func vector() -> [Float] {
        let size = 2 + Int(random.next() % 400)
        let spread = 0.2 + random.nextUnit() * 6
        return (0..<size).map { _ in Float(normal() * spread) }
    }
}
