import Foundation
import Testing

@testable import ConvergeMetrics

@Suite struct RepetitionGoldenTests {
    static let fixtures: Fixtures.Repetition = try! Fixtures.load("repetition")

    @Test func zlibMatchesTheFixtureVersion() throws {
        #expect(Self.fixtures.meta.zlib == "1.2.13")
    }

    @Test(arguments: fixtures.cases.indices)
    func valuesMatchPython(_ index: Int) {
        let expected = Self.fixtures.cases[index]
        let text = expected.text
        #expect(CompressionRatio.value(text) == expected.compressionRatio)
        let distinct = [expected.distinct1, expected.distinct2, expected.distinct3, expected.distinct4]
        let rep = [expected.rep1, expected.rep2, expected.rep3, expected.rep4]
        for n in 1...4 {
            #expect(DistinctN.value(text, n: n) == distinct[n - 1], "distinct-\(n)")
            #expect(RepN.value(text, n: n) == rep[n - 1], "rep-\(n)")
        }
    }

    @Test(arguments: fixtures.selfBleu.indices)
    func selfBLEUMatchesSacrebleu(_ index: Int) {
        let expected = Self.fixtures.selfBleu[index]
        let value = SelfBLEU.value(expected.texts)
        #expect((value == nil) == (expected.selfBleu == nil))
        if let value, let reference = expected.selfBleu {
            #expect(isClose(value, reference), "\(value) != \(reference)")
        }
    }

    @Test func repeatedPhraseIsRepetitive() throws {
        let loop = String(repeating: "I love you. ", count: 10)
        #expect(try #require(RepN.value(loop, n: 4)) > 0.8)
        #expect(CompressionRatio.value(loop) > 3)
        #expect(DistinctN.value("one two", n: 3) == nil)
        #expect(CompressionRatio.value("") == 0)
    }
}
