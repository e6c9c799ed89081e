import ConvergeCore
import Testing

@testable import ConvergeMetrics

/// An embedder that maps each distinct text to a fixed axis, so identical sentences have cosine 1
/// and different ones cosine 0.
struct AxisEmbedder: Embedder {
    let name = "axis"
    let vocabulary: [String]

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: vocabulary.count + 1)
            vector[vocabulary.firstIndex(of: text) ?? vocabulary.count] = 1
            return vector
        }
    }
}

@Suite struct EmbeddingMetricsTests {
    @Test func cosineDistance() {
        #expect(CosineDistance.distance([1, 0], [2, 0]) == 0)
        #expect(CosineDistance.distance([1, 0], [0, 3]) == 1)
        #expect(CosineDistance.distance([1, 0], [-1, 0]) == 2)
        #expect(CosineDistance.distance([0, 0], [1, 0]) == 1)
    }

    @Test(arguments: [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Pi is 3.14 today. Yes", ["Pi is 3.14 today.", "Yes"]),
        ("He said \"stop.\" Then left", ["He said \"stop.\"", "Then left"]),
        ("line one\nline two\r\n", ["line one", "line two"]),
        ("東京です。大阪です。", ["東京です。", "大阪です。"]),
        ("... — !", []),
        ("", []),
        ("Wait... what?! Ok", ["Wait...", "what?!", "Ok"]),
    ])
    func sentenceSplitting(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.sentences(text) == expected)
    }

    @Test func coherenceIsMeanAdjacentCosine() async throws {
        let embedder = AxisEmbedder(vocabulary: ["A.", "B."])
        #expect(try await Coherence.value(of: "A. A. A.", embedder: embedder) == 1)
        #expect(try await Coherence.value(of: "A. B.", embedder: embedder) == 0)
        #expect(try await Coherence.value(of: "A. A. B.", embedder: embedder) == 0.5)
        #expect(try await Coherence.value(of: "A.", embedder: embedder) == nil)
        #expect(Coherence.difference(0.75, 0.5) == 0.25)
        #expect(Coherence.difference(nil, 0.5) == nil)
    }

    @Test func seriesFillsEmbeddingColumnsWhenGivenAnEmbedder() async throws {
        let embedder = AxisEmbedder(vocabulary: ["A.", "B.", "A. B.", "A. A."])
        let rows = try await TurnSeries.compute(seed: "A. B.", outputs: ["A. A.", "A. B.", "A. A."], embedder: embedder)
        #expect(rows[0][.cosineDistancePrev] == 1)
        #expect(rows[0][.coherence] == 1)
        #expect(rows[0][.coherenceDifference] == 1)
        #expect(rows[1][.cosineDistanceSeed] == 0)
        #expect(rows[2][.cosineDistanceSelf] == 0)
        #expect(rows[2][.cosineDistancePrev] == 1)
        #expect(rows[1][.cosineDistanceSelf] == nil)
    }
}
