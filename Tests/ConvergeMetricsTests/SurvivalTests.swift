import Testing

@testable import ConvergeStatistics

/// Kaplan–Meier and the log-rank test against lifelines 0.30.3
/// (fixtures from scripts/fixtures/make_inference_fixtures.py).
@Suite struct SurvivalTests {
    @Test(arguments: InferenceFixture.shared.kaplanMeier) func kaplanMeierMatchesLifelines(_ reference: InferenceFixture.KaplanMeierCase) throws {
        let curve = try #require(KaplanMeier(durations: reference.durations, events: reference.events))
        #expect(curve.steps.map(\.time) == reference.timeline)
        for (step, index) in zip(curve.steps, reference.timeline.indices) {
            #expect(isClose(step.survival, reference.survival[index], relative: 1e-12))
            #expect(isClose(step.lower, reference.lower[index], relative: 1e-10), "lower at \(step.time)")
            #expect(isClose(step.upper, reference.upper[index], relative: 1e-10), "upper at \(step.time)")
        }
        #expect(curve.median == reference.median)
    }

    @Test func kaplanMeierCensorsUnconvergedAtTheLastTurn() throws {
        let curve = try #require(KaplanMeier(onsets: [5, nil, 5, nil], lastTurns: [25, 25, 25, 20]))
        #expect(curve.steps.map(\.time) == [0, 5, 20, 25])
        #expect(curve.steps[1].events == 2 && curve.steps[1].atRisk == 4)
        #expect(curve.steps[2].censored == 1 && curve.steps[3].survival == 0.5)
        #expect(curve.median == 5)
    }

    @Test(arguments: InferenceFixture.shared.logrank) func logRankMatchesLifelines(_ reference: InferenceFixture.LogRankCase) throws {
        let labels = Set(reference.groups).sorted()
        let groups = labels.map { label in
            reference.groups.indices.filter { reference.groups[$0] == label }.map { (duration: reference.durations[$0], event: reference.events[$0]) }
        }
        let result = try #require(LogRank(groups))
        #expect(result.degreesOfFreedom == labels.count - 1)
        #expect(isClose(result.statistic, reference.statistic, relative: 1e-9), "χ² \(result.statistic) vs \(reference.statistic)")
        #expect(isClose(result.pValue, reference.pValue, relative: 1e-8), "p \(result.pValue) vs \(reference.pValue)")
    }

    @Test func logRankWithoutEventsIsNull() throws {
        let result = try #require(LogRank([[(25, false)], [(25, false), (20, false)]]))
        #expect(result.statistic == 0 && result.pValue == 1)
        #expect(LogRank([[(3, true)]]) == nil)
    }
}
