import Foundation
import Testing

@testable import ConvergeMetrics

@Suite struct BLEUGoldenTests {
    static let fixtures: Fixtures.TextPairs = try! Fixtures.load("text_pairs")

    @Test func fixturesCameFromTheReproducedVersion() {
        #expect(Self.fixtures.meta.sacrebleu == BLEU.sacrebleuVersion)
        #expect(Self.fixtures.meta.signature == BLEU.signature())
        #expect(Self.fixtures.cases.count >= 300)
    }

    @Test(arguments: fixtures.cases)
    func tokenizerMatchesSacrebleu(_ pair: Fixtures.TextPair) {
        let tokens = Tokenizer13a.tokenize(pair.hypothesis)
        // Compared as code points: Swift's String equality would hide "é" versus "e\u{301}".
        #expect(tokens.map { Array($0.unicodeScalars) } == pair.hypothesisTokens.map { Array($0.unicodeScalars) })
    }

    @Test(arguments: fixtures.cases)
    func scoreMatchesSacrebleu(_ pair: Fixtures.TextPair) {
        let score = BLEU.sentenceScore(
            hypothesis: BLEUSegment(pair.hypothesis), references: [BLEUSegment(pair.reference)])
        #expect(score.matches == pair.matches)
        #expect(score.totals == pair.totals)
        #expect(score.hypothesisLength == pair.hypothesisLength)
        #expect(score.referenceLength == pair.referenceLength)
        // Bit-identical on Linux (glibc libm); the tolerance only allows for another platform's exp/log.
        #expect(isClose(score.score, pair.bleu), "\(score.score) != \(pair.bleu)")
    }

    @Test func identicalTextsScoreOneUlpAbove100LikeSacrebleu() {
        #expect(BLEU.score(hypothesis: "a b", reference: "a b") == 100.00000000000004)
        #expect(BLEU.distance(hypothesis: "a b", reference: "a b") == 0)
    }

    @Test func textsWithoutTokensScoreZero() {
        #expect(BLEU.score(hypothesis: "", reference: "") == 0)
        #expect(BLEU.score(hypothesis: "a", reference: " \n") == 0)
        #expect(BLEU.distance(hypothesis: "", reference: "a") == 1)
    }

    @Test func multipleReferencesUseTheClosestLength() {
        let score = BLEU.sentenceScore(
            hypothesis: BLEUSegment("a b c"), references: [BLEUSegment("a b c d e f g"), BLEUSegment("a b")])
        #expect(score.referenceLength == 2)
        #expect(BLEU.signature(referenceCount: 2).hasPrefix("nrefs:2|"))
    }
}
