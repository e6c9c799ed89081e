import ConvergeCore
import ConvergeStore
import Testing

@Suite struct ResumeStateTests {
    private let plan = Conversation.plan(seeds: ["s0", "s1", "s2"], replicates: 1)

    @Test func fillsTheLeadingRunOfSuccessfulTurns() throws {
        let records = [
            record(0, 1, text: "a"), record(1, 1, text: "x"), record(0, 2, text: "b"),
            record(0, 4, text: "gap"),  // after a gap: generated again
            record(1, 2, text: "failed", finish: .error),  // failed: generated again
            record(1, 3, text: "orphan"),
        ]
        let resumed = try ResumeState.apply(records, to: plan)
        #expect(resumed.map(\.outputs) == [["a", "b"], ["x"], []])
        #expect(ResumeState.kept(records, plan: plan) == [record(0, 1, text: "a"), record(1, 1, text: "x"), record(0, 2, text: "b")])
    }

    @Test func duplicatesKeepTheFirst() throws {
        let records = [record(0, 1, text: "first"), record(0, 1, text: "second"), record(0, 2, text: "b")]
        #expect(try ResumeState.apply(records, to: plan)[0].outputs == ["first", "b"])
        #expect(ResumeState.kept(records, plan: plan).map(\.text) == ["first", "b"])
    }

    @Test func recordsFromAnotherRunAreRejected() {
        for foreign in [record(7, 1), record(1, 1, seedIndex: 2)] {
            #expect {
                try ResumeState.apply([foreign], to: plan)
            } throws: { ($0 as? ConvergeError)?.code == .resume }
        }
    }
}
