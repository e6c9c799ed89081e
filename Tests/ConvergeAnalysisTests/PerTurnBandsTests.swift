import Testing

@testable import ConvergeAnalysis

/// The report's per-turn bands use Student's t with n − 1 degrees of freedom. Reference values:
/// mean ∓ scipy.stats.t.ppf(0.975, n − 1)·s/√n with numpy's std(ddof=1), scipy 1.17.1.
@Suite struct PerTurnBandsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var values: [Double]
        var mean: Double
        var low: Double
        var high: Double
        var testDescription: String { "n=\(values.count)" }
    }

    static let cases = [
        Case(values: [0.2, 0.4, 0.9], mean: 0.5, low: -0.3956685895029599, high: 1.39566858950296),
        Case(values: [1, 2, 3, 4], mean: 2.5, low: 0.4457397432394794, high: 4.554260256760521),
        Case(values: [0.5, 0.51], mean: 0.505, low: 0.4414689763191265, high: 0.5685310236808735),
    ]

    @Test(arguments: cases) func bandUsesStudentT(_ reference: Case) throws {
        let band = try #require(PerTurnBands.meanBand(reference.values))
        #expect(abs(band.mean - reference.mean) < 1e-15)
        #expect(abs(try #require(band.low) - reference.low) < 1e-12)
        #expect(abs(try #require(band.high) - reference.high) < 1e-12)
    }

    @Test func singleValueHasNoBand() throws {
        let band = try #require(PerTurnBands.meanBand([0.3]))
        #expect(band.mean == 0.3 && band.low == nil && band.high == nil)
        #expect(PerTurnBands.meanBand([]) == nil)
    }
}
