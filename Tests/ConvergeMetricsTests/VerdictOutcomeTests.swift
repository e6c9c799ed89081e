import ConvergeDetection
import ConvergeStatistics
import Foundation
import Testing

@Suite struct VerdictOutcomeTests {
    static let verdicts = [5, nil, 3, 5, nil].map { ConvergenceVerdict(onset: $0) }

    @Test func countsOnsetsInConversationOrderWithTheirInterval() throws {
        let outcome = VerdictOutcome(verdict: .everLooped, verdicts: Self.verdicts, lastTurns: [10, 10, 10, 10, 8])
        let wilson = try #require(WilsonInterval(successes: 3, total: 5))
        #expect(outcome.converged == 3 && outcome.total == 5 && outcome.fraction == 0.6)
        #expect(outcome.ciLow == wilson.lower && outcome.ciHigh == wilson.upper)
        #expect(outcome.onsets == [5, 3, 5])
        #expect(outcome.onsetSummary?.median == 5)
        #expect(outcome.kaplanMeier?.steps.last?.time == 10)
    }

    @Test func nothingToCountIsTheWholeInterval() {
        let outcome = VerdictOutcome(verdict: .studyRule, verdicts: [], lastTurns: [])
        #expect(outcome.converged == 0 && outcome.total == 0 && outcome.fraction == 0)
        #expect(outcome.ciLow == 0 && outcome.ciHigh == 1)
        #expect(outcome.onsetSummary == nil && outcome.kaplanMeier == nil)
    }

    @Test func roundTripsThroughJSON() throws {
        for outcome in [
            VerdictOutcome(verdict: .dominantLoop, description: "rule", verdicts: Self.verdicts),
            VerdictOutcome(verdict: .fittedRule, verdicts: Self.verdicts, lastTurns: [9, 9, 9, 9, 9]),
        ] {
            let data = try JSONEncoder().encode(outcome)
            #expect(try JSONDecoder().decode(VerdictOutcome.self, from: data) == outcome)
        }
    }

    /// A `summary.json` written before outcomes named their verdict and onset turns: the verdict is
    /// the entry's key, the turns come from the histogram.
    @Test func readsAnOlderSummaryEntry() throws {
        let json = """
            {"dominant_loop": {"description": "d", "converged": 3, "total": 5, "fraction": 0.6, "ci95_low": 0.2, "ci95_high": 0.9,
             "onsets": {"count": 3, "min": 3, "max": 5, "mean": 4.333, "q1": 4, "median": 5, "q3": 5,
                        "histogram": [{"turn": 3, "count": 1}, {"turn": 5, "count": 2}]}}}
            """
        let entries = try JSONDecoder().decode([VerdictName: VerdictOutcome].self, from: Data(json.utf8))
        let outcome = try #require(entries[.dominantLoop])
        #expect(outcome.verdict == .dominantLoop && outcome.description == "d")
        #expect(outcome.onsets == [3, 5, 5] && outcome.ciLow == 0.2)
    }

    @Test func anOutcomeThatNamesNoVerdictIsRefused() {
        let json = #"[{"converged": 0, "total": 0, "fraction": 0, "ci95_low": 0, "ci95_high": 1}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([VerdictOutcome].self, from: Data(json.utf8)) }
    }
}
