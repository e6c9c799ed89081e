import ConvergeCore
import Testing

@Suite struct AlternationTests {
    @Test(arguments: 1...12)
    func agentSpeakingOnTurn(turn: Int) {
        #expect(Agent.speaking(onTurn: turn) == (turn % 2 == 1 ? .a : .b))
    }

    @Test func planIsSeedMajorWithRunPositions() {
        let plan = Conversation.plan(seeds: ["s0", "s1", "s2"], replicates: 2)
        #expect(plan.map(\.index) == Array(0..<6))
        #expect(plan.map(\.seedIndex) == [0, 0, 1, 1, 2, 2])
        #expect(plan.map(\.replicate) == [0, 1, 0, 1, 0, 1])
        #expect(plan.map(\.seed) == ["s0", "s0", "s1", "s1", "s2", "s2"])
        #expect(plan.allSatisfy { $0.outputs.isEmpty && $0.nextTurn == 1 })
    }

    @Test func turnSeedDependsOnIdentityNotOnPosition() {
        let first = Conversation(index: 0, seedIndex: 3, replicate: 1, seed: "x")
        let moved = Conversation(index: 17, seedIndex: 3, replicate: 1, seed: "other text")
        #expect(first.turnSeed(runSeed: 7, turn: 4) == moved.turnSeed(runSeed: 7, turn: 4))
        #expect(first.turnSeed(runSeed: 7, turn: 4) != first.turnSeed(runSeed: 8, turn: 4))
        #expect(first.turnSeed(runSeed: 7, turn: 4) != first.turnSeed(runSeed: 7, turn: 5))
        let otherReplicate = Conversation(index: 0, seedIndex: 3, replicate: 2, seed: "x")
        #expect(first.turnSeed(runSeed: 7, turn: 4) != otherReplicate.turnSeed(runSeed: 7, turn: 4))
    }
}
