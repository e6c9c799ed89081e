import Testing

@testable import ConvergeStatistics

/// Student t quantiles and chi-squared tails against scipy 1.17
/// (fixtures from scripts/fixtures/make_inference_fixtures.py).
@Suite struct DistributionTests {
    @Test(arguments: InferenceFixture.shared.tQuantiles) func tQuantileMatchesScipy(_ reference: InferenceFixture.TQuantile) {
        let value = Distributions.studentTQuantile(reference.p, degreesOfFreedom: reference.df)
        #expect(isClose(value, reference.quantile, relative: 1e-11), "\(value) vs \(reference.quantile)")
    }

    @Test(arguments: InferenceFixture.shared.chi2Sf) func chiSquaredMatchesScipy(_ reference: InferenceFixture.ChiSquaredCase) {
        let value = Distributions.chiSquaredSurvival(reference.x, degreesOfFreedom: reference.df)
        #expect(isClose(value, reference.sf, relative: 1e-11), "\(value) vs \(reference.sf)")
    }
}
