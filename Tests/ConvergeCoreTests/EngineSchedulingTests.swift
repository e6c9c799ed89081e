import ConvergeCore
import Foundation
import Testing

@Suite struct EngineSchedulingTests {
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3, 5])
    func everyConversationAlternatesAToB(parallel: Int) async throws {
        let c = engineConfiguration(seeds: 4, turns: 5, parallel: parallel)
        let records = try await runEngine(c, a: FakeModel(name: "alpha"), b: FakeModel(name: "beta"))
        #expect(records.count == 4 * 5)
        for conversation in 0..<4 {
            let turns = records.filter { $0.conversation == conversation }
            #expect(turns.map(\.turn) == Array(1...5))
            #expect(turns.map(\.agent) == [.a, .b, .a, .b, .a])
            #expect(turns.map(\.model) == ["alpha", "beta", "alpha", "beta", "alpha"])
            #expect(turns.allSatisfy { $0.seedIndex == conversation && $0.replicate == 0 })
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func batchesNeverMixAgentsAndStayWithinParallel() async throws {
        // With the full history and one-line outputs, a raw prompt has as many lines as its turn number.
        let c = engineConfiguration(seeds: 5, turns: 6, parallel: 3, history: .full)
        let a = FakeModel(name: "A"), b = FakeModel(name: "B")
        _ = try await runEngine(c, a: a, b: b)
        for (model, parity) in [(a, 1), (b, 0)] {
            let calls = await model.calls
            #expect(!calls.isEmpty)
            for call in calls {
                #expect(call.count >= 1 && call.count <= 3)
                for request in call {
                    let turn = FakeModel.text(of: request.prompt).split(separator: "\n").count
                    #expect(turn % 2 == parity, "\(model.name) asked for turn \(turn)")
                }
            }
        }
        // Batching happened: fewer calls than turns.
        #expect(await a.calls.count < 5 * 3)
        #expect(await a.calls.map(\.count).max() == 3)
    }

    @Test(.timeLimit(.minutes(1)))
    func transcriptDoesNotDependOnParallelism() async throws {
        func sorted(_ parallel: Int) async throws -> [TurnRecord] {
            let c = engineConfiguration(seeds: 4, turns: 4, parallel: parallel)
            return try await runEngine(c, a: FakeModel(name: "A"), b: FakeModel(name: "B"))
                .sorted { ($0.conversation, $0.turn) < ($1.conversation, $1.turn) }
        }
        let serial = try await sorted(1)
        #expect(try await sorted(2) == serial)
        #expect(try await sorted(4) == serial)
        // The texts do depend on the random seed of each turn (not a constant fake).
        #expect(Set(serial.map(\.text)).count > serial.count / 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func requestsCarryTheConfiguredSettingsAndTurnSeeds() async throws {
        var c = engineConfiguration(seeds: 1, turns: 2)
        c.maxTokens = 17
        c.stop = ["\n\n"]
        c.sampler.topK = 9
        let a = FakeModel(name: "A")
        _ = try await runEngine(c, a: a, b: FakeModel(name: "B"))
        let request = try #require(await a.calls.first?.first)
        #expect(request.maxTokens == 17)
        #expect(request.stop == ["\n\n"])
        #expect(request.sampler == c.sampler)
        #expect(request.prompt == .raw("seed number 0"))
        #expect(request.rngSeed == Conversation(index: 0, seedIndex: 0, replicate: 0, seed: "").turnSeed(runSeed: 11, turn: 1))
    }

    @Test(.timeLimit(.minutes(1)))
    func resumeContinuesFromRecordedOutputsAndMatchesAnUninterruptedRun() async throws {
        let c = engineConfiguration(seeds: 3, turns: 4)
        let full = try await runEngine(c, a: FakeModel(name: "A"), b: FakeModel(name: "B"))
        func texts(_ conversation: Int, _ turns: Int) -> [String] {
            full.filter { $0.conversation == conversation && $0.turn <= turns }.sorted { $0.turn < $1.turn }.map(\.text)
        }
        var plan = Conversation.plan(seeds: c.seeds, replicates: 1)
        plan[0].outputs = texts(0, 2)  // resumes at turn 3 (A)
        plan[1].outputs = texts(1, 4)  // already complete
        plan[2].outputs = texts(2, 1)  // resumes at turn 2 (B)
        let a = FakeModel(name: "A"), b = FakeModel(name: "B")
        let resumed = try await runEngine(c, a: a, b: b, plan: plan)
        #expect(resumed.filter { $0.conversation == 0 }.map(\.turn) == [3, 4])
        #expect(resumed.filter { $0.conversation == 1 }.isEmpty)
        #expect(resumed.filter { $0.conversation == 2 }.map(\.turn) == [2, 3, 4])
        let missing = full.filter { [0: 2, 1: 4, 2: 1][$0.conversation]! < $0.turn }
        #expect(
            resumed.sorted { ($0.conversation, $0.turn) < ($1.conversation, $1.turn) }
                == missing.sorted { ($0.conversation, $0.turn) < ($1.conversation, $1.turn) })
        #expect(await a.calls.flatMap { $0 }.count + b.calls.flatMap { $0 }.count == 5)
    }

    @Test(.timeLimit(.minutes(1)))
    func failedTurnEndsOnlyItsConversation() async throws {
        let c = engineConfiguration(seeds: 3, turns: 4, parallel: 2)
        let b = FakeModel(name: "B") { name, request in
            let failing =
                FakeModel.text(of: request.prompt).hasPrefix("A/")
                && request.rngSeed
                    == Conversation(index: 1, seedIndex: 1, replicate: 0, seed: "").turnSeed(runSeed: 11, turn: 2)
            return Generation(
                text: failing ? "" : "\(name) ok", promptTokens: 1, tokens: failing ? 0 : 2,
                finishReason: failing ? .error : .length)
        }
        let records = try await runEngine(c, a: FakeModel(name: "A"), b: b)
        #expect(records.filter { $0.conversation == 1 }.map(\.turn) == [1, 2])
        #expect(records.last { $0.conversation == 1 }?.finishReason == .error)
        #expect(records.filter { $0.conversation == 0 }.count == 4)
        #expect(records.filter { $0.conversation == 2 }.count == 4)
    }

    @Test(.timeLimit(.minutes(1)))
    func emptyOutputIsRecordedButTheNextModelSeesTheLastNonEmptyText() async throws {
        let c = engineConfiguration(seeds: 1, turns: 3)
        let b = FakeModel(name: "B") { _, _ in Generation(text: "", promptTokens: 1, tokens: 1, finishReason: .eos) }
        let a = FakeModel(name: "A") { _, request in
            Generation(text: "A saw [\(FakeModel.text(of: request.prompt))]", promptTokens: 1, tokens: 4, finishReason: .length)
        }
        let records = try await runEngine(c, a: a, b: b)
        #expect(records.map(\.text) == ["A saw [seed number 0]", "", "A saw [A saw [seed number 0]]"])
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellationStopsBetweenRounds() async throws {
        let c = engineConfiguration(seeds: 2, turns: 5)
        let engine = ConversationEngine(configuration: c, modelA: FakeModel(name: "A"), modelB: FakeModel(name: "B"))
        let task = Task {
            var count = 0
            try await engine.run(Conversation.plan(seeds: c.seeds, replicates: 1)) { _ in
                count += 1
                if count == 2 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
