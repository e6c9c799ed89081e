import Testing

@testable import ConvergeDetection
@testable import ConvergeMetrics

/// Loops the window signals alone miss: cycles between the agents, loops inside numbered
/// scaffolding, and repetition with drifting numbers. Each transcript is constructed so that the
/// loop is plain to a reader.
@Suite struct CycleDetectionTests {
    /// The shipped signals without recurrence: what the detector saw before it.
    let windowOnly = RepetitionLoopDetector(
        signals: [.rep4Window: 0.2, .compressionRatioWindow: 2.8], minimumLoopTurns: 2, maximumGap: 0)

    let prose = [
        "The harbour was quiet before dawn, and the fishing boats rocked gently against their moorings.",
        "A gull circled twice over the market square, then settled on the roof of the old customs house.",
        "Somewhere a radio played a song about trains, and the baker opened his shutters to the cold air.",
        "By noon the tourists had arrived, carrying maps and cameras and asking for directions to the fort.",
    ]

    func verdict(_ detector: RepetitionLoopDetector, _ outputs: [String]) -> ConvergenceVerdict {
        detector.detect(TurnSeries.compute(seed: "Morning in the port town.", outputs: outputs))
    }

    @Test func anExactPeriodTwoCycleBetweenTheAgents() {
        let x = "Tell me more about the lighthouse and the people who kept its lamp burning through winter storms."
        let y = "The keeper wrote letters every evening, describing ships he saw and the weather over the rocks."
        let outputs = prose + Array(repeating: [x, y], count: 5).flatMap { $0 }
        #expect(!verdict(windowOnly, outputs).converged)
        // Turn 7 is the first output that repeats one two turns back.
        #expect(verdict(.calibrated, outputs) == ConvergenceVerdict(onset: 7))
    }

    @Test func aNearExactCycleWithADriftingNumber() {
        let outputs =
            prose
            + (0..<10).map { turn in
                turn % 2 == 0
                    ? "Chapter \(turn + 3): the keeper counts \(100 + turn * 7) ships and writes them down in his book."
                    : "Note \(turn + 40): the sea was calm on day \(turn * 3), and the lamp burned until morning came."
            }
        #expect(!verdict(windowOnly, outputs).converged)
        #expect(verdict(.calibrated, outputs) == ConvergenceVerdict(onset: 7))
    }

    @Test func aLoopInsideNumberedScaffolding() {
        var next = 8
        // Only the counter changes; between two counters there are fewer than four words, so no
        // raw 4-gram ever repeats.
        let outputs =
            prose
            + (0..<8).map { _ in
                (0..<3).map { _ in
                    defer { next += 1 }
                    return "Question \(next): Paris?"
                }.joined(separator: "\n")
            }
        #expect(!verdict(windowOnly, outputs).converged)
        #expect(verdict(.calibrated, outputs) == ConvergenceVerdict(onset: 5))
    }

    /// A counter glued to letters, cut at the turn limit wherever it falls, as the default pair
    /// produced it ("…w49w50w51…"): each turn is one "word" to a tokenizer of letter-and-digit runs.
    @Test func aCounterGluedToLettersAcrossTurns() {
        let counter = (10..<400).map { "w\($0)" }.joined()
        let outputs =
            prose
            + stride(from: 0, to: 8 * 50, by: 50).map { start in
                String(counter.dropFirst(start).prefix(50))
            }
        #expect(!verdict(windowOnly, outputs).converged)
        #expect(verdict(.calibrated, outputs) == ConvergenceVerdict(onset: 5))
    }

    @Test func recurrenceNormalisesDigitRunsAndIgnoresStraddlingGrams() throws {
        #expect(Recurrence.value("Question 9: the capital of France", after: ["Question 8: the capital of France"]) == 1)
        #expect(Recurrence.value("Question 9b: the capital of France", after: ["Question 8: the capital of France"]) == 0.25)
        #expect(Recurrence.value("entirely new words here now", after: ["something else before this"]) == 0)
        #expect(Recurrence.value("too short", after: []) == nil)
        // Repetition inside the output counts too.
        let inside = try #require(Recurrence.value("a b c d a b c d", after: []))
        #expect(inside == 0.2)
        #expect(Recurrence.normalisedWords("x12y 3.50 ٣٤") == ["x", "0", "y", "0", "0", "0"].map { Array($0.unicodeScalars) })
    }
}
