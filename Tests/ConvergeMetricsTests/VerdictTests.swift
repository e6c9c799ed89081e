import Foundation
import Testing

@testable import ConvergeDetection
@testable import ConvergeMetrics

/// The three loop verdicts on one looping pattern, and the loop figures beside them.
@Suite struct VerdictTests {
    let detector = RepetitionLoopDetector(
        signals: [.rep4Window: 0.3], minimumLoopTurns: 2, maximumGap: 0, dominantWindow: 6, dominantMinimum: 4)

    /// Rows of 25 turns (unless `count` says otherwise) where the given turns loop.
    func rows(looping: ClosedRange<Int>..., count: Int = 25) -> [TurnMetrics] {
        series(.rep4Window, (1...count).map { turn in looping.contains { $0.contains(turn) } ? 0.5 : 0 })
    }

    func verdicts(_ rows: [TurnMetrics]) -> ConversationVerdicts {
        ConvergenceDetectors(study: .study, loop: detector, provenance: "test").verdicts(rows)
    }

    @Test func aLoopThatBreaksOffInTheLastTwoTurnsIsDominantButNotAtTheEnd() {
        let result = verdicts(rows(looping: 8...23))
        #expect(result[.loopingAtEnd] == ConvergenceVerdict(onset: nil))
        #expect(result[.dominantLoop] == ConvergenceVerdict(onset: 8))
        #expect(result[.everLooped] == ConvergenceVerdict(onset: 8))
        #expect(result.escapeTurns == [24])
        #expect(result.loopShare == 16.0 / 25)
    }

    /// Looping at turn t is the looping-at-the-end verdict of turns 1…t: an episode of k = 2
    /// looping turns that runs at t, so a single looping turn is not yet a loop.
    @Test func loopingByTurnIsLoopingAtTheEndOfEachPrefix() {
        let series = rows(looping: 3...6, 9...9, 12...14, count: 15)
        let flags = detector.loopingByTurn(series)
        #expect(flags.enumerated().filter(\.element).map { $0.offset + 1 } == [4, 5, 6, 13, 14])
        for turn in 1...15 {
            var tracker = detector.makeTracker()
            for row in series.prefix(turn) { _ = tracker.append(row) }
            #expect(flags[turn - 1] == tracker.loopingAtEnd.converged, "turn \(turn)")
        }
    }

    @Test func aLoopToTheEndIsEveryLoopVerdict() {
        let result = verdicts(rows(looping: 20...25))
        for name in [VerdictName.loopingAtEnd, .dominantLoop, .everLooped] {
            #expect(result[name] == ConvergenceVerdict(onset: 20), "\(name)")
        }
        #expect(result.escapeTurns.isEmpty)
    }

    @Test func anEarlyEscapedLoopOnlyEverLooped() {
        let result = verdicts(rows(looping: 3...12))
        #expect(!result[.loopingAtEnd].converged && !result[.dominantLoop].converged)
        #expect(result[.everLooped] == ConvergenceVerdict(onset: 3))
        #expect(result.escapeTurns == [13])
    }

    @Test func aShortLoopEndingTwoTurnsEarlyIsTooFewOfTheLastTurns() {
        // 3 of the last 6 turns loop, under m = 4.
        let result = verdicts(rows(looping: 21...23))
        #expect(!result[.dominantLoop].converged && result[.everLooped].onset == 21)
    }

    @Test func theDominantOnsetIsTheFirstLoopReachingTheWindow() {
        // Two loops, the second reaching the last six turns with 4 looping turns among them.
        let result = verdicts(rows(looping: 2...5, 17...23))
        #expect(result[.dominantLoop].onset == 17 && result[.everLooped].onset == 2)
        #expect(result.escapeTurns == [6, 24])
    }

    @Test func verdictsAreNestedOnEveryPattern() {
        // At the end ⊆ dominant ⊆ ever, whatever the pattern: 2^10 patterns of 10 turns.
        for bits in 0..<1024 {
            let values = (0..<10).map { bits >> $0 & 1 == 1 ? 0.5 : 0 }
            let result = verdicts(series(.rep4Window, values))
            #expect(!result[.loopingAtEnd].converged || result[.dominantLoop].converged)
            #expect(!result[.dominantLoop].converged || result[.everLooped].converged)
        }
    }

    @Test func oldDetectorFilesGetTheDominantDefaults() throws {
        let json = #"{"signals":{"rep_4_window":0.2},"minimumLoopTurns":2,"maximumGap":0,"requiresPersistence":true}"#
        let decoded = try JSONDecoder().decode(RepetitionLoopDetector.self, from: Data(json.utf8))
        #expect(decoded.dominantWindow == 6 && decoded.dominantMinimum == 4)
        let file = #"{"study":{"thresholds":{"bleu_distance_prev":0.3},"combination":"any","consecutiveTurns":3},"loop":\#(json),"provenance":"old"}"#
        #expect(try JSONDecoder().decode(ConvergenceDetectors.self, from: Data(file.utf8)).fitted == .fitted)
    }
}
