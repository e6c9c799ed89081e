import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeStatistics
import ConvergeStore
import Foundation
import Testing

@testable import ConvergeExperiment

/// A branch condition's escape share: which branches count as escaped, how they cluster by the
/// conversation they branch, the parent's spontaneous share, and that branches stay out of the tests.
@Suite struct PersistenceTests {
    private let loopsFrom3: [Bool] = [false, false, true, true, true, true, true, true]
    private let escapesAt6: [Bool] = [false, false, true, true, true, false, false, false]

    private func conversation(seed: Int, replicate: Int, number: Int, looping: [Bool]) throws -> ConditionInput.Conversation {
        let verdict = ConvergenceVerdict(onset: nil)
        return ConditionInput.Conversation(
            seedIndex: seed, replicate: replicate, turns: looping.count, selfBLEU: nil, verdicts: ["study": verdict, "loop": verdict],
            number: number, loopingByTurn: looping)
    }

    /// Parent: seeds 0–2, seed 0 and 2 loop from turn 3 to the end, seed 1 escapes at turn 6.
    /// Branches at turn 4 of seeds 1 and 2, 2 replicates each (conversations 0–3).
    private func inputs() throws -> [ConditionInput] {
        let parent = ConditionInput(
            name: "control",
            conversations: try [loopsFrom3, escapesAt6, loopsFrom3].enumerated().map {
                try conversation(seed: $0.offset, replicate: 0, number: $0.offset, looping: $0.element)
            })
        let branch = RunBranch(
            parent: "/runs/exp/control", fromTurn: 4,
            origins: [.init(conversation: .number(1), seedIndex: 1, replicate: 0), .init(conversation: .number(2), seedIndex: 2, replicate: 0)])
        let hot = ConditionInput(
            name: "hot",
            conversations: [
                try conversation(seed: 1, replicate: 0, number: 0, looping: escapesAt6),
                try conversation(seed: 1, replicate: 1, number: 1, looping: escapesAt6),
                try conversation(seed: 2, replicate: 0, number: 2, looping: escapesAt6),
                try conversation(seed: 2, replicate: 1, number: 3, looping: loopsFrom3),
            ],
            settings: ["configuration.replicates": .number(2)], branch: branch)
        return [parent, hot]
    }

    @Test func escapedMeansNotLoopingKTurnsAfterTheBranchTurn() throws {
        let comparison = Comparison(experiment: "x", inputs: try inputs(), control: "control", escapeWithin: 2)
        let outcome = try #require(comparison.persistence.first)
        #expect(comparison.persistence.count == 1 && outcome.condition == "hot" && outcome.parent == "control")
        #expect(outcome.fromTurn == 4 && outcome.within == 2)
        // Turn 6: three of four branches are out; clusters are (2 of 2) and (1 of 2).
        #expect(outcome.branched.successes == 3 && outcome.branched.total == 4 && outcome.branched.clusters == 2)
        #expect(outcome.branched == ClusteredProportion(clusters: [(2, 2), (1, 2)]))
        // Left alone, seed 1 escaped by turn 6 and seed 2 did not.
        #expect(outcome.spontaneous == ConvergenceRate(converged: 1, total: 2))
        // One turn later than the branch turn, nobody is out yet.
        let sooner = try #require(Comparison(experiment: "x", inputs: try inputs(), escapeWithin: 1).persistence.first)
        #expect(sooner.branched.successes == 0 && sooner.spontaneous?.converged == 0)
    }

    @Test func branchesTooShortForKAreLeftOut() throws {
        let outcome = try #require(Comparison(experiment: "x", inputs: try inputs(), escapeWithin: 5).persistence.first)
        #expect(outcome.branched.total == 0 && outcome.spontaneous?.total == 0)
        #expect(outcome.cells[3] == "none reach turn 9")
    }

    @Test func branchConditionsTakeNoPartInTheTests() throws {
        let comparison = Comparison(experiment: "x", inputs: try inputs(), control: "control")
        #expect(comparison.pairs.isEmpty && comparison.regressions.isEmpty)
        #expect(
            comparison.design
                == "one condition: no pairwise tests; branch conditions (hot) hold only looping conversations and are compared by their escape share instead"
        )
        #expect(comparison.conditions.contains { $0.condition == "hot" })
        #expect(comparison.table.contains("Persistence") && comparison.persistenceCSV.split(separator: "\n").count == 2)
    }
}
