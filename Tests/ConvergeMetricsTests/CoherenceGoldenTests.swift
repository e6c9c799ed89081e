import ConvergeCore
import Foundation
import Testing

@testable import ConvergeMetrics

/// Coherence and coherence of distinct sentences against the numpy reference of
/// scripts/fixtures/make_coherence_fixtures.py (docs/METRICS.md, "Coherence").
@Suite struct CoherenceGoldenTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var sentences: [String]
        var embeddings: [[Float]]
        var coherence: Double?
        var coherenceDistinct: Double?
        var testDescription: String { sentences.joined(separator: " ").debugDescription }
    }

    struct File: Decodable {
        var cases: [Case]
    }

    static let cases = (try? Fixtures.load("coherence", as: File.self).cases) ?? []

    @Test func fixtureLoads() {
        #expect(Self.cases.count == 10)
    }

    @Test(arguments: cases)
    func matchesReference(_ golden: Case) {
        let plain = Coherence.value(sentenceEmbeddings: golden.embeddings)
        let distinct = Coherence.distinctValue(sentences: golden.sentences, sentenceEmbeddings: golden.embeddings)
        #expect(close(plain, golden.coherence), "coherence \(String(describing: plain))")
        #expect(close(distinct, golden.coherenceDistinct), "coherence_distinct \(String(describing: distinct))")
    }

    /// The property the variant exists for: repeating the text, or any of its sentences, never
    /// changes it.
    @Test(arguments: cases)
    func repetitionCannotChangeIt(_ golden: Case) {
        let repeated = Coherence.distinctValue(
            sentences: golden.sentences + golden.sentences + golden.sentences.prefix(1),
            sentenceEmbeddings: golden.embeddings + golden.embeddings + golden.embeddings.prefix(1))
        #expect(close(repeated, golden.coherenceDistinct))
    }

    @Test func repeatedSentenceNoLongerScoresOne() async throws {
        let embedder = AxisEmbedder(vocabulary: ["A.", "B."])
        #expect(try await Coherence.value(of: "A. A. A.", embedder: embedder) == 1)
        #expect(try await Coherence.distinctValue(of: "A. A. A.", embedder: embedder) == nil)
        #expect(try await Coherence.value(of: "A. A. B.", embedder: embedder) == 0.5)
        #expect(try await Coherence.distinctValue(of: "A. A. B.", embedder: embedder) == 0)
        let rows = try await TurnSeries.compute(seed: "A. B.", outputs: ["A. A.", "A. A. B. B."], embedder: embedder)
        #expect(rows[0][.coherence] == 1 && rows[0][.coherenceDistinct] == nil)
        #expect(rows[1][.coherence] == 2.0 / 3 && rows[1][.coherenceDistinct] == 0)
    }

    private func close(_ value: Double?, _ expected: Double?) -> Bool {
        guard let value, let expected else { return value == nil && expected == nil }
        return abs(value - expected) <= 1e-12
    }
}
