import ConvergeCore
import ConvergeLlama
import Testing

/// No-repeat-n-gram: a token that would complete an n-gram already in the window is never drawn.
@Suite struct TokenSamplerNoRepeatNgramTests {
    private func sampler(size: Int, temperature: Double = 0) -> TokenSampler {
        var s = SamplerSettings()
        s.temperature = temperature
        s.topP = 1
        s.noRepeatNgramSize = size
        return TokenSampler(settings: s, seed: 7)
    }

    /// Window 1 2 3 1 2: the bigram (2, 3) exists, so after "…2" token 3 is banned at size 2;
    /// with size 3 the trigram (1, 2, 3) is banned too, but size 4 needs "3 1 2" followed by…, none.
    @Test(arguments: [(2, true), (3, true), (4, false), (0, false)])
    func bansTheCompletingToken(size: Int, banned: Bool) {
        var logits: [Float] = [0, 0, 0, 5, 1]
        var s = sampler(size: size)
        let token = s.sample(logits: &logits, recent: [1, 2, 3, 1, 2])
        #expect(token == (banned ? 4 : 3))
        #expect((logits[3] == -.infinity) == banned)
    }

    @Test func sizeOneBansEverySeenToken() {
        var logits: [Float] = [4, 3, 2, 1]
        var s = sampler(size: 1)
        #expect(s.sample(logits: &logits, recent: [0, 1, 2]) == 3)
    }

    /// With sampling on, a banned token is never drawn, however likely.
    @Test func neverDrawnWhenSampling() {
        var s = sampler(size: 2, temperature: 1.5)
        for _ in 0..<200 {
            var logits: [Float] = [0, 0.5, 0, 8, 1]
            #expect(s.sample(logits: &logits, recent: [2, 3, 7, 2]) != 3)
        }
    }

    @Test func negativeSizeIsInvalid() {
        var s = SamplerSettings()
        s.noRepeatNgramSize = -1
        #expect(s.validationError() == "no-repeat n-gram size must be ≥ 0 (got -1)")
    }
}
