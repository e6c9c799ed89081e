import Testing

@testable import ConvergeMetrics

/// Laws every distance obeys, over the fixture texts and some hand-picked ones.
@Suite struct PropertyTests {
    static let texts: [String] =
        Array(Set(BLEUGoldenTests.fixtures.cases.flatMap { [$0.hypothesis, $0.reference] })).sorted().prefix(120)
        + ["", "  ", "a", "Σ", "e\u{301}", "\u{e9}"]

    @Test(arguments: texts)
    func distancesOfATextWithItself(_ text: String) {
        #expect(JaccardDistance.distance(text, text) == 0)
        // BLEU is 0 for a text without tokens, sacrebleu's behaviour, so only tokenized texts score 0.
        let expected = Tokenizer13a.tokenize(text).isEmpty ? 1.0 : 0.0
        #expect(BLEU.distance(hypothesis: text, reference: text) == expected)
    }

    @Test(arguments: zip(texts, texts.reversed()))
    func distancesAreBoundedAndJaccardIsSymmetric(_ a: String, _ b: String) {
        let bleu = BLEU.distance(hypothesis: a, reference: b)
        let jaccard = JaccardDistance.distance(a, b)
        #expect((0...1).contains(bleu))
        #expect((0...1).contains(jaccard))
        #expect(jaccard == JaccardDistance.distance(b, a))
        for n in 1...4 {
            #expect(RepN.value(a, n: n).map { (0..<1).contains($0) } ?? true)
            #expect(DistinctN.value(a, n: n).map { $0 > 0 && $0 <= 1 } ?? true)
        }
    }

    @Test(arguments: [([Float](repeating: 1, count: 4), [Float]([1, -2, 3, 0.5])), ([0.3, 0.1], [-0.3, -0.1])])
    func cosineIsBoundedAndSymmetric(_ a: [Float], _ b: [Float]) {
        let distance = CosineDistance.distance(a, b)
        #expect((0...2).contains(distance))
        #expect(distance == CosineDistance.distance(b, a))
        #expect(abs(CosineDistance.distance(a, a)) < 1e-12)
    }

    @Test func canonicallyEquivalentSpellingsStayDistinctAsInPython() {
        #expect(JaccardDistance.distance("caf\u{e9}", "cafe\u{301}") == 1)
        #expect(BLEU.distance(hypothesis: "caf\u{e9}", reference: "cafe\u{301}") == 1)
    }
}
