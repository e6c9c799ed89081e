import ConvergeCore
import ConvergeLlama
import Testing

/// Temperature 0 and llama.cpp's penalties (`llama_sampler_penalties_apply`).
@Suite struct TokenSamplerPenaltyTests {
    private func settings(
        temperature: Double = 0, repeat repeatPenalty: Double = 1, presence: Double = 0, frequency: Double = 0, lastN: Int = 64
    ) -> SamplerSettings {
        var s = SamplerSettings()
        s.temperature = temperature
        s.repeatPenalty = repeatPenalty
        s.presencePenalty = presence
        s.frequencyPenalty = frequency
        s.penaltyLastN = lastN
        return s
    }

    @Test func temperatureZeroIsArgmax() {
        var factory = LogitFactory(random: RandomStream(seed: 3))
        for seed in 0..<50 {
            let logits = factory.vector()
            var sampler = TokenSampler(settings: settings(), seed: UInt64(seed))
            var copy = logits
            let best = logits.indices.max { logits[$0] < logits[$1] }!
            #expect(Int(sampler.sample(logits: &copy, recent: [])) == best)
        }
    }

    /// llama.cpp: a seen token's logit is divided by the repeat penalty when positive and multiplied
    /// when not, then loses `count × frequency + presence`.
    private func llamaCppPenalised(_ logits: [Float], recent: [Int32], _ s: SamplerSettings) -> [Float] {
        let window = s.penaltyLastN < 0 ? recent[...] : recent.suffix(s.penaltyLastN)
        var counts: [Int32: Int] = [:]
        for token in window { counts[token, default: 0] += 1 }
        var result = logits
        for (token, count) in counts {
            var logit = result[Int(token)]
            if logit <= 0 { logit *= Float(s.repeatPenalty) } else { logit /= Float(s.repeatPenalty) }
            logit -= Float(count) * Float(s.frequencyPenalty) + Float(count > 0 ? 1 : 0) * Float(s.presencePenalty)
            result[Int(token)] = logit
        }
        return result
    }

    @Test(arguments: [
        (1.3, 0.0, 0.0, 64), (1.0, 0.5, 0.0, 64), (1.0, 0.0, 0.25, 64), (1.5, 0.4, 0.2, 64),
        (1.5, 0.4, 0.2, 3), (1.5, 0.4, 0.2, -1), (0.8, 0.0, 0.0, 64),
    ])
    func penaltiesMatchLlamaCpp(repeatPenalty: Double, presence: Double, frequency: Double, lastN: Int) {
        let logits: [Float] = [2.0, -1.5, 0.0, 3.0, 0.75, -0.25, 1.0, 0.5]
        let recent: [Int32] = [0, 1, 3, 3, 2, 5, 3, 7, 1]
        let s = settings(repeat: repeatPenalty, presence: presence, frequency: frequency, lastN: lastN)
        var sampler = TokenSampler(settings: s, seed: 0)
        var actual = logits
        _ = sampler.sample(logits: &actual, recent: recent[...])
        let expected = llamaCppPenalised(logits, recent: recent, s)
        for i in logits.indices { #expect(abs(actual[i] - expected[i]) < 1e-6, "token \(i): \(actual[i]) vs \(expected[i])") }
        // Tokens not in the window are untouched.
        #expect(actual[4] == logits[4] && actual[6] == logits[6])
    }

    @Test func penaltyWindowZeroSwitchesPenaltiesOff() {
        let logits: [Float] = [2, 1, 0.5]
        var sampler = TokenSampler(settings: settings(repeat: 2, presence: 1, frequency: 1, lastN: 0), seed: 0)
        var copy = logits
        _ = sampler.sample(logits: &copy, recent: [0, 0, 1])
        #expect(copy == logits)
    }

    @Test func repeatPenaltyChangesTheGreedyChoice() {
        // Token 0 leads by a little; after it has been seen three times, frequency penalty makes token 1 win.
        var sampler = TokenSampler(settings: settings(frequency: 0.2), seed: 0)
        var logits: [Float] = [1.0, 0.8, 0.1]
        #expect(sampler.sample(logits: &logits, recent: [0, 0, 0]) == 1)
    }
}
