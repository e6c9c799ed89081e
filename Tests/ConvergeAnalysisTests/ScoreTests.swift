import ConvergeAnalysis
import ConvergeCore
import ConvergeMetrics
import Testing

@Suite struct ScoreTests {
    @Test func bIsTheHypothesis() async throws {
        let pairs = [
            (a: "the cat sat on the mat today", b: "the cat sat"),
            (a: "the cat sat", b: "the cat sat on the mat today"),
            (a: "same words here", b: "same words here"),
            (a: "", b: ""),
        ]
        let scores = try await PairScore.score(pairs, embedder: HashingEmbedder())
        #expect(scores.count == 4)
        for (pair, score) in zip(pairs, scores) {
            #expect(score.bleu == BLEU.score(hypothesis: pair.b, reference: pair.a))
            #expect(score.bleuDistance == BLEU.distance(hypothesis: pair.b, reference: pair.a))
            #expect(score.jaccardDistance == JaccardDistance.distance(pair.a, pair.b))
        }
        // BLEU is not symmetric (brevity penalty, clipped precisions): the direction matters.
        #expect(scores[0].bleu != scores[1].bleu)
        #expect(scores[0].jaccardDistance == scores[1].jaccardDistance)
        #expect(scores[0].cosineDistance == scores[1].cosineDistance)
        #expect(scores[2].bleuDistance == 0 && scores[2].jaccardDistance == 0 && abs(scores[2].cosineDistance) < 1e-6)
        #expect(scores[3].bleuDistance == 1 && scores[3].jaccardDistance == 0 && scores[3].cosineDistance == 1)
    }

    @Test func eachDistinctTextIsEmbeddedOnceInOneCall() async throws {
        let embedder = CountingEmbedder()
        _ = try await PairScore.score([(a: "x", b: "y"), (a: "y", b: "x"), (a: "x", b: "z")], embedder: embedder)
        #expect(await embedder.calls == [["x", "y", "z"]])
    }
}

actor CountingEmbedder: Embedder {
    nonisolated var name: String { "counting" }
    private(set) var calls: [[String]] = []

    func embed(_ texts: [String]) async throws -> [[Float]] {
        calls.append(texts)
        return try await HashingEmbedder().embed(texts)
    }
}
