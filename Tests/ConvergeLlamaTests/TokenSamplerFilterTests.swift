import ConvergeCore
import Testing

@testable import ConvergeLlama

/// The sampler's fast top-p (no full sort) against a naive full-sort implementation.
@Suite struct TokenSamplerFilterTests {
    static let combinations: [(topP: Double, topK: Int, minP: Double)] = {
        var all: [(Double, Int, Double)] = []
        for topP in [1, 0.99, 0.95, 0.9, 0.5, 0.1] {
            for topK in [0, 1, 5, 40] {
                for minP in [0, 0.05, 0.3] {
                    all.append((topP, topK, minP))
                }
            }
        }
        return all
    }()

    @Test func keptSetEqualsNaiveFullSortOnRandomVectors() {
        var factory = LogitFactory(random: RandomStream(seed: 2024))
        var mismatches = 0
        for vectorIndex in 0..<200 {
            let logits = factory.vector()
            let temperature = 0.3 + factory.random.nextUnit() * 1.4
            for combination in Self.combinations {
                var settings = SamplerSettings()
                settings.temperature = temperature
                settings.topP = combination.topP
                settings.topK = combination.topK
                settings.minP = combination.minP
                var sampler = TokenSampler(settings: settings, seed: UInt64(vectorIndex))
                var copy = logits
                let token = sampler.sample(logits: &copy, recent: [])
                let expected = NaiveSampler.kept(logits, settings).map(\.token)
                let actual = sampler.candidates.map(Int.init)
                if Set(actual) != Set(expected) || !expected.contains(Int(token)) {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record(
                            """
                            vector \(vectorIndex) (size \(logits.count), T \(temperature)) top-p \(combination.topP) \
                            top-k \(combination.topK) min-p \(combination.minP): sampler keeps \(actual.count) tokens, \
                            naive keeps \(expected.count); drew \(token)
                            """)
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func keptSetIsExactOnALargeVocabularyWithALongTail() {
        // Gemma-sized vocabulary where the top-p set reaches far below the first cut-offs.
        var factory = LogitFactory(random: RandomStream(seed: 5))
        let logits = (0..<262_144).map { _ in Float(factory.normal() * 0.5) }
        for (topP, topK, minP) in [(0.95, 0, 0.0), (0.5, 0, 0.0), (0.95, 1000, 0.0), (0.99, 0, 0.2)] {
            var settings = SamplerSettings()
            settings.temperature = 0.7
            settings.topP = topP
            settings.topK = topK
            settings.minP = minP
            var sampler = TokenSampler(settings: settings, seed: 1)
            var copy = logits
            _ = sampler.sample(logits: &copy, recent: [])
            #expect(
                Set(sampler.candidates.map(Int.init)) == Set(NaiveSampler.kept(logits, settings).map(\.token)),
                "top-p \(topP) top-k \(topK) min-p \(minP)")
        }
    }

    @Test func drawsFollowTheNaiveDistribution() {
        var factory = LogitFactory(random: RandomStream(seed: 77))
        let draws = 6000
        for vectorIndex in 0..<12 {
            let logits = (0..<24).map { _ in Float(factory.normal() * 1.5) }
            var settings = SamplerSettings()
            settings.temperature = [0.7, 1.0, 1.3][vectorIndex % 3]
            settings.topP = [0.95, 0.8, 1][vectorIndex % 3]
            settings.topK = [0, 10, 6, 0][vectorIndex % 4]
            settings.minP = vectorIndex % 5 == 0 ? 0.1 : 0
            let expected = NaiveSampler.kept(logits, settings)
            var counts = [Int](repeating: 0, count: logits.count)
            var sampler = TokenSampler(settings: settings, seed: UInt64(1000 + vectorIndex))
            for _ in 0..<draws {
                var copy = logits
                counts[Int(sampler.sample(logits: &copy, recent: []))] += 1
            }
            let probability = Dictionary(uniqueKeysWithValues: expected.map { ($0.token, $0.probability) })
            for token in logits.indices {
                let p = probability[token] ?? 0
                let frequency = Double(counts[token]) / Double(draws)
                let tolerance = 5 * (p * (1 - p) / Double(draws)).squareRoot() + 1e-3
                #expect(abs(frequency - p) <= tolerance, "vector \(vectorIndex) token \(token): \(frequency) vs \(p)")
                if p == 0 { #expect(counts[token] == 0) }
            }
        }
    }

    @Test func sameSeedSameDrawsDifferentSeedDifferentDraws() {
        let logits = (0..<50).map { Float($0 % 7) * 0.3 }
        func draws(_ seed: UInt64) -> [Int32] {
            var sampler = TokenSampler(settings: SamplerSettings(), seed: seed)
            return (0..<40).map { _ in
                var copy = logits; return sampler.sample(logits: &copy, recent: [])
            }
        }
        #expect(draws(3) == draws(3))
        #expect(draws(3) != draws(4))
    }
}
