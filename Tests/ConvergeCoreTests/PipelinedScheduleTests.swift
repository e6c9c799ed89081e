import ConvergeCore
import Foundation
import Testing

/// The pipelined schedule: both models work in the same round on conversations a turn apart, and the
/// transcript is the one lockstep writes.
@Suite struct PipelinedScheduleTests {
    @Test(.timeLimit(.minutes(1)), arguments: [2, 4, 5, 6])
    func pipelinedRunsWriteTheLockstepTranscript(parallel: Int) async throws {
        func sorted(_ c: RunConfiguration, _ schedule: EngineSchedule) async throws -> [TurnRecord] {
            try await runEngine(c, a: FakeModel(name: "A"), b: FakeModel(name: "B"), schedule: schedule)
                .sorted { ($0.conversation, $0.turn) < ($1.conversation, $1.turn) }
        }
        let lockstep = try await sorted(engineConfiguration(seeds: 6, turns: 5, parallel: 1), .lockstep)
        #expect(lockstep.count == 30)
        #expect(try await sorted(engineConfiguration(seeds: 6, turns: 5, parallel: parallel), .pipelined) == lockstep)
    }

    @Test(.timeLimit(.minutes(1)))
    func groupsStartHalfARoundApartAndStayEven() async throws {
        let a = FakeModel(name: "A"), b = FakeModel(name: "B")
        _ = try await runEngine(engineConfiguration(seeds: 6, turns: 4, parallel: 6), a: a, b: b, schedule: .pipelined)
        // Half the conversations start in the first round, the other half a round later; from then
        // on each model answers one group of three per round, and the last round is B's alone.
        #expect(await a.calls.map(\.count) == [3, 3, 3, 3])
        #expect(await b.calls.map(\.count) == [3, 3, 3, 3])
        #expect(await a.calls.flatMap { $0 }.count == 12)
    }

    @Test(.timeLimit(.minutes(1)))
    func aResumeWithUnevenGroupsEvensThemOut() async throws {
        let c = engineConfiguration(seeds: 6, turns: 6, parallel: 6)
        var plan = Conversation.plan(seeds: c.seeds, replicates: 1)
        plan[5].outputs = ["x"]  // one conversation waits for B, five for A
        let a = FakeModel(name: "A"), b = FakeModel(name: "B")
        _ = try await runEngine(c, a: a, b: b, plan: plan, schedule: .pipelined)
        // Five for A against one for B: A holds back two, so the next round has three each.
        #expect(await a.calls.first?.count == 3)
        #expect(await b.calls.first?.count == 1)
        #expect(await a.calls.dropFirst().first?.count == 3)
        #expect(await b.calls.dropFirst().first?.count == 3)
    }

    @Test(.timeLimit(.minutes(1)))
    func bothModelsWorkAtOnceOnlyWhenPipelined() async throws {
        for (schedule, peak) in [(EngineSchedule.pipelined, 2), (.lockstep, 1)] {
            let probe = OverlapProbe()
            let c = engineConfiguration(seeds: 4, turns: 4, parallel: 4)
            _ = try await runEngine(
                c, a: FakeModel(name: "A", probe: probe), b: FakeModel(name: "B", probe: probe), schedule: schedule)
            #expect(await probe.peak == peak, "\(schedule)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theOtherModelsTurnsAreKeptWhenOneFails() async throws {
        // Round 1: A answers conversations 0 and 1. Round 2: A (failing) answers 2 and 3 while B
        // answers turn 2 of 0 and 1, which must reach the transcript before the error.
        let c = engineConfiguration(seeds: 4, turns: 4, parallel: 4)
        let a = FailingOnSecondCall()
        var records: [TurnRecord] = []
        let engine = ConversationEngine(configuration: c, modelA: a, modelB: FakeModel(name: "B"), schedule: .pipelined)
        await #expect(throws: ConvergeError.self) {
            try await engine.run(Conversation.plan(seeds: c.seeds, replicates: 1)) { records.append($0) }
        }
        #expect(Set(records.map { [$0.conversation, $0.turn] }) == [[0, 1], [1, 1], [0, 2], [1, 2]])
    }
}

/// Counts `generate` calls in flight at once.
actor OverlapProbe {
    private var running = 0
    private(set) var peak = 0

    func enter() {
        running += 1
        peak = max(peak, running)
    }

    func leave() { running -= 1 }
}

/// Answers its first call, then fails as a backend that went away.
private actor FailingOnSecondCall: LanguageModel {
    nonisolated let name = "A"
    private var calls = 0

    func generate(_ requests: [GenerationRequest]) async throws -> [Generation] {
        calls += 1
        guard calls == 1 else { throw ConvergeError(.backend, "server gone") }
        return requests.map { _ in Generation(text: "a", promptTokens: 1, tokens: 1, finishReason: .length) }
    }
}
