import Testing

@testable import ConvergeAtlas

/// Clustering is deterministic and separates what is far apart; names come from what sets a
/// cluster apart.
@Suite struct ClusteringTests {
    /// Three tight groups around orthogonal axes, interleaved in input order.
    private let vectors: [[Float]] = (0..<12).map { index in
        var vector: [Float] = [0.05, 0.05, 0.05, Float(index % 4) * 0.02]
        vector[index % 3] = 1
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / norm }
    }

    @Test func separatesGroupsAndOrdersBySize() {
        let clusters = SpanClustering.cluster(vectors)
        #expect(clusters == [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]])
        #expect(SpanClustering.cluster(vectors, threshold: 2.1).count == 1)
        #expect(SpanClustering.cluster(vectors, threshold: 0).count == 12)
    }

    @Test func sameInputSameClusters() {
        let first = SpanClustering.cluster(vectors)
        for _ in 0..<5 { #expect(SpanClustering.cluster(vectors) == first) }
    }

    @Test func namesUseDistinguishingNGrams() {
        let texts = [
            ["the cat sat on the mat"], ["the cat sat on the rug"], ["the dog ran in the park"], ["the dog ran to the park"],
        ]
        let names = ClusterNaming.ngrams([[0, 1], [2, 3]], texts: texts)
        #expect(names[0].first == "cat sat on")
        #expect(names[1].first == "the dog ran")
        #expect(!names.flatMap { $0 }.contains("the"))
    }
}
