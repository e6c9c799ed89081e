import Testing

@testable import ConvergeStatistics

/// Logistic regression against statsmodels 0.15 `Logit` (fixtures from
/// scripts/fixtures/make_inference_fixtures.py).
@Suite struct LogisticRegressionTests {
    @Test(arguments: InferenceFixture.shared.logit) func logitMatchesStatsmodels(_ reference: InferenceFixture.LogitCase) {
        let names = reference.x[0].indices.map { "x\($0)" }
        let fit = LogisticRegression(names: names, design: reference.x, outcomes: reference.y.map { $0 == 1 })
        guard !reference.separation else {
            #expect(fit.status == .separation)
            #expect(fit.coefficients.isEmpty)
            return
        }
        #expect(fit.status == .fitted)
        for (index, coefficient) in fit.coefficients.enumerated() {
            #expect(isClose(coefficient.estimate, reference.coefficients![index], relative: 1e-7))
            #expect(isClose(coefficient.standardError, reference.standardErrors![index], relative: 1e-7))
            #expect(isClose(coefficient.z, reference.z![index], relative: 1e-7))
            #expect(isClose(coefficient.pValue, reference.pValues![index], relative: 1e-6))
        }
        #expect(isClose(fit.logLikelihood!, reference.logLikelihood!, relative: 1e-10))
        // statsmodels fits the intercept-only model iteratively; the closed form here is exact, so
        // the two agree only to its stopping tolerance.
        #expect(isClose(fit.nullLogLikelihood!, reference.nullLogLikelihood!, relative: 1e-8))
        #expect(isClose(fit.likelihoodRatioPValue!, reference.lrPValue!, relative: 1e-6))
    }

    @Test func collinearAndConstantDesignsAreFlagged() {
        let collinear = LogisticRegression(
            names: ["intercept", "a", "b"], design: [[1, 0, 0], [1, 1, 1], [1, 0, 0], [1, 1, 1]], outcomes: [true, false, false, true])
        #expect(collinear.status == .singular)
        let constant = LogisticRegression(names: ["intercept"], design: [[1], [1]], outcomes: [true, true])
        #expect(constant.status == .separation)
    }

    @Test func designTreatmentCodesCategories() {
        let design = RegressionDesign(
            factors: [.categorical(name: "t", values: ["0.7", "1.0", "0.4", "0.7"]), .numeric(name: "p", values: [1, 2, 3, 4])], observations: 4)
        #expect(design.names == ["intercept", "t=1.0", "t=0.4", "p"])
        #expect(design.rows == [[1, 0, 0, 1], [1, 1, 0, 2], [1, 0, 1, 3], [1, 0, 0, 4]])
    }
}
