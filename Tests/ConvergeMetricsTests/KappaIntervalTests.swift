import Testing

@testable import ConvergeStatistics

@Suite struct KappaIntervalTests {
    let predicted = [true, true, false, true, false, false, true, false, true, true, false, true]
    let actual = [true, false, false, true, false, true, true, false, true, true, false, false]

    @Test func theSameLabelsAndSeedGiveTheSameInterval() {
        let first = KappaInterval(predicted: predicted, actual: actual, resamples: 500)
        #expect(first == KappaInterval(predicted: predicted, actual: actual, resamples: 500))
        #expect(first != KappaInterval(predicted: predicted, actual: actual, resamples: 500, seed: 2))
    }

    @Test func theIntervalBracketsKappaInsideItsRange() throws {
        let interval = KappaInterval(predicted: predicted, actual: actual)
        let kappa = try #require(interval.kappa)
        #expect(kappa == BinaryAgreement(predicted: predicted, actual: actual).cohensKappa)
        let lower = try #require(interval.lower), upper = try #require(interval.upper)
        #expect(-1 <= lower && lower <= kappa && kappa <= upper && upper <= 1)
        #expect(interval.defined <= interval.resamples && interval.defined > interval.resamples * 9 / 10)
    }

    @Test func perfectAgreementHasAPointInterval() {
        let interval = KappaInterval(predicted: actual, actual: actual, resamples: 200)
        #expect(interval.kappa == 1 && interval.lower == 1 && interval.upper == 1)
    }

    @Test func oneClassEverywhereHasNoKappa() {
        let interval = KappaInterval(predicted: [true, true], actual: [true, true], resamples: 50)
        #expect(interval.kappa == nil && interval.lower == nil && interval.defined == 0)
    }
}
