import Foundation
import Testing

@testable import ConvergeMetrics

@Suite struct JaccardGoldenTests {
    @Test(arguments: BLEUGoldenTests.fixtures.cases)
    func wordsMatchPython(_ pair: Fixtures.TextPair) {
        let words = WordTokens.words(pair.hypothesis)
        #expect(words.map { Array($0.unicodeScalars) } == pair.hypothesisWords.map { Array($0.unicodeScalars) })
    }

    @Test(arguments: BLEUGoldenTests.fixtures.cases)
    func distanceMatchesPython(_ pair: Fixtures.TextPair) {
        #expect(JaccardDistance.distance(pair.hypothesis, pair.reference) == pair.jaccardDistance)
    }

    @Test func finalSigmaFollowsPython() {
        #expect(WordTokens.words("ΟΔΟΣ Σ ΑΣΑ") == ["οδος", "σ", "ασα"])
    }
}
