import Testing

@testable import ConvergeStatistics

/// Cohen's κ against scikit-learn 1.9 `cohen_kappa_score`, PABAK and raw agreement (fixtures from
/// scripts/fixtures/make_inference_fixtures.py), and the bootstrap CI's laws.
@Suite struct AgreementTests {
    @Test(arguments: InferenceFixture.shared.kappa) func kappaMatchesScikitLearn(_ reference: InferenceFixture.KappaCase) throws {
        let result = try #require(CohenKappa(reference.a, reference.b, resamples: 200))
        #expect(isClose(try #require(result.kappa), reference.kappa, relative: 1e-12))
        #expect(isClose(result.agreement, reference.agreement, relative: 1e-12))
        #expect(isClose(result.pabak, reference.pabak, relative: 1e-12))
        let expected = BinaryAgreement(predicted: reference.a, actual: reference.b).cohensKappa
        #expect(isClose(result.kappa!, expected!, relative: 1e-12))
        let low = try #require(result.ciLow), high = try #require(result.ciHigh)
        #expect(low <= high && high <= 1)
    }

    @Test func bootstrapIsDeterministicAndBracketsKappa() throws {
        let a = (0..<40).map { $0 % 3 != 0 }
        let b = (0..<40).map { $0 % 3 != 0 ? $0 % 7 != 0 : $0 % 5 == 0 }
        let first = try #require(CohenKappa(a, b)), second = try #require(CohenKappa(a, b))
        #expect(first == second)
        #expect(first.ciLow! < first.kappa! && first.kappa! < first.ciHigh!)
        #expect(CohenKappa([true, true], [true, true])?.kappa == nil)
        #expect(CohenKappa([], []) == nil)
    }
}
