import Foundation
import Testing

@testable import ConvergeStatistics

/// Fisher's exact test, Mann–Whitney U and Holm against scipy 1.14.1 and statsmodels
/// (fixtures from scripts/fixtures/make_stats_fixtures.py).
@Suite struct ComparisonStatisticsTests {
    struct File: Decodable {
        var fisher: [FisherCase]
        var mannWhitney: [MannWhitneyCase]
        var holm: [HolmCase]
    }

    struct FisherCase: Decodable, CustomTestStringConvertible {
        var table: [[Int]]
        var pValue: Double
        var oddsRatio: Double?
        var testDescription: String { "\(table)" }
    }

    struct MannWhitneyCase: Decodable, CustomTestStringConvertible {
        var x: [Double]
        var y: [Double]
        var u: Double
        var pValue: Double
        var method: String
        var testDescription: String { "\(x.count) vs \(y.count) (\(method))" }
    }

    struct HolmCase: Decodable {
        var pValues: [Double]
        var adjusted: [Double]
    }

    static let file: File = try! Fixtures.load("stats")

    @Test(arguments: file.fisher) func fisherMatchesScipy(_ reference: FisherCase) {
        let t = reference.table
        let result = FisherExact(t[0][0], t[0][1], t[1][0], t[1][1])
        #expect(isClose(result.pValue, reference.pValue, relative: 1e-9), "p \(result.pValue) vs \(reference.pValue)")
        if let odds = reference.oddsRatio {
            #expect(result.oddsRatio.map { isClose($0, odds) } ?? false)
        } else {
            #expect(result.oddsRatio == nil)
        }
    }

    @Test(arguments: file.mannWhitney) func mannWhitneyMatchesScipy(_ reference: MannWhitneyCase) throws {
        let result = try #require(MannWhitney(reference.x, reference.y))
        #expect(result.u == reference.u)
        #expect(result.method.rawValue == reference.method)
        #expect(isClose(result.pValue, reference.pValue, relative: 1e-9), "p \(result.pValue) vs \(reference.pValue)")
    }

    @Test func holmMatchesStatsmodels() {
        for family in Self.file.holm {
            let adjusted = Holm.adjust(family.pValues)
            for (mine, reference) in zip(adjusted, family.adjusted) {
                #expect(isClose(mine!, reference, relative: 1e-12))
            }
        }
    }

    @Test func holmSkipsMissingTests() {
        let adjusted = Holm.adjust([0.01, nil, 0.04])
        #expect(adjusted[1] == nil)
        #expect(isClose(adjusted[0]!, 0.02) && isClose(adjusted[2]!, 0.04))
    }

    /// Laws: swapping the rows leaves Fisher's p unchanged; swapping the samples turns U₁ into n₁n₂ − U₁.
    @Test func symmetry() throws {
        #expect(FisherExact(3, 7, 9, 1).pValue == FisherExact(9, 1, 3, 7).pValue)
        let forward = try #require(MannWhitney([1, 4, 4, 9], [2, 3, 4, 8, 10]))
        let backward = try #require(MannWhitney([2, 3, 4, 8, 10], [1, 4, 4, 9]))
        #expect(forward.u + backward.u == 20)
        #expect(isClose(forward.pValue, backward.pValue))
        #expect(MannWhitney([Int](), [1]) == nil)
    }
}
