import ConvergeCore
import Foundation
import Testing

/// An observer that fires at fixed turns, whatever the text.
struct ScriptedObserver: TurnObserver {
    var fires: Set<Int>
    func observe(_ conversation: Conversation, turn: Int, text: String) async throws -> Bool { fires.contains(turn) }
}

@Suite struct InterventionEngineTests {
    private func configuration(_ policy: InterventionPolicy?, turns: Int = 6) -> RunConfiguration {
        var c = engineConfiguration(seeds: 2, turns: turns, parallel: 2)
        c.intervention = policy
        return c
    }

    private func run(
        _ c: RunConfiguration, fires: Set<Int>, plan: [Conversation]? = nil, a: FakeModel = FakeModel(name: "A"), b: FakeModel = FakeModel(name: "B")
    ) async throws -> [TurnRecord] {
        let engine = ConversationEngine(configuration: c, modelA: a, modelB: b, observer: ScriptedObserver(fires: fires))
        var records: [TurnRecord] = []
        try await engine.run(plan ?? Conversation.plan(seeds: c.seeds, replicates: c.replicates)) { records.append($0) }
        return records
    }

    @Test(.timeLimit(.minutes(1))) func injectSeedPromptsTheNextTurnWithAFreshSeed() async throws {
        var policy = InterventionPolicy(action: .injectSeed)
        policy.seedPool = ["a fresh seed"]
        let b = FakeModel(name: "B")
        let records = try await run(configuration(policy), fires: [3], b: b)
        let marked = records.filter { $0.intervention != nil }
        #expect(marked.map(\.turn) == [4, 4])
        #expect(marked.allSatisfy { $0.intervention == TurnIntervention(action: .injectSeed, detail: "a fresh seed") })
        let prompts = await b.calls.flatMap { $0 }.map { FakeModel.text(of: $0.prompt) }
        #expect(prompts.filter { $0 == "a fresh seed" }.count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func raiseTemperatureLastsKTurns() async throws {
        var policy = InterventionPolicy(action: .raiseTemperature)
        policy.temperature = 1.5
        policy.turns = 2
        let a = FakeModel(name: "A"), b = FakeModel(name: "B")
        let records = try await run(configuration(policy), fires: [2], a: a, b: b)
        let first = records.filter { $0.conversation == 0 }
        #expect(first.map { $0.intervention?.action } == [nil, nil, .raiseTemperature, .raiseTemperature, nil, nil])
        #expect(first[3].intervention?.detail == "temperature 1.5, turn 2 of 2")
        let temperatures = (await a.calls + b.calls).flatMap { $0 }.map(\.sampler.temperature)
        #expect(temperatures.filter { $0 == 1.5 }.count == 4)
    }

    @Test(.timeLimit(.minutes(1))) func perturbationGoesInFrontOfThePrompt() async throws {
        var policy = InterventionPolicy(action: .perturb)
        policy.perturbation = "Say something new."
        let a = FakeModel(name: "A")
        let records = try await run(configuration(policy), fires: [4], a: a)
        #expect(records.filter { $0.intervention?.action == .perturb }.map(\.turn) == [5, 5])
        let prompts = await a.calls.flatMap { $0 }.map { FakeModel.text(of: $0.prompt) }
        #expect(prompts.filter { $0.hasPrefix("Say something new.\n") }.count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func stopEndsTheConversationAndIsRecorded() async throws {
        let records = try await run(configuration(InterventionPolicy(action: .stop)), fires: [3])
        #expect(records.count == 2 * 3)
        #expect(records.filter { $0.turn == 3 }.allSatisfy { $0.intervention?.action == .stop })
    }

    @Test(.timeLimit(.minutes(1))) func atMostMaxInterventions() async throws {
        var policy = InterventionPolicy(action: .perturb)
        policy.perturbation = "New topic."
        policy.maxInterventions = 2
        let records = try await run(configuration(policy, turns: 8), fires: [1, 2, 3, 4, 5])
        #expect(records.filter { $0.conversation == 0 && $0.intervention != nil }.map(\.turn) == [2, 3])
    }

    /// A run resumed after any turn records exactly what the uninterrupted run did after it.
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3, 4, 5])
    func resumeIsDeterministic(after done: Int) async throws {
        for policy in [InterventionPolicy(action: .raiseTemperature), InterventionPolicy(action: .stop), InterventionPolicy(action: .injectSeed)] {
            let c = configuration(policy)
            let full = try await run(c, fires: [2, 4])
            var plan = Conversation.plan(seeds: c.seeds, replicates: c.replicates)
            for i in plan.indices { plan[i].outputs = full.filter { $0.conversation == i && $0.turn <= done }.map(\.text) }
            let resumed = try await run(c, fires: [2, 4], plan: plan)
            let key: (TurnRecord) -> [Int] = { [$0.conversation, $0.turn] }
            #expect(
                resumed.sorted { key($0).lexicographicallyPrecedes(key($1)) }
                    == full.filter { $0.turn > done }.sorted { key($0).lexicographicallyPrecedes(key($1)) })
        }
    }

    @Test(.timeLimit(.minutes(1))) func withoutAPolicyNothingIsRecorded() async throws {
        let records = try await run(configuration(nil), fires: [1, 2, 3])
        #expect(records.allSatisfy { $0.intervention == nil })
        let line = String(decoding: try JSONEncoder().encode(records[0]), as: UTF8.self)
        #expect(!line.contains("intervention"))
        let old =
            #"{"conversation":0,"seed_index":0,"replicate":0,"turn":1,"agent":"A","model":"m","text":"t","prompt_tokens":1,"tokens":1,"finish_reason":"length"}"#
        #expect(try JSONDecoder().decode(TurnRecord.self, from: Data(old.utf8)).intervention == nil)
    }

    @Test func policyDecodesWithDefaultsAndValidates() throws {
        let json = #"{"action": "raise_temperature", "turns": 0}"#
        let policy = try JSONDecoder().decode(InterventionPolicy.self, from: Data(json.utf8))
        #expect(policy.trigger == .loop && policy.temperature == 1.2)
        #expect(policy.validationError() == "intervention.turns must be ≥ 1 (got 0)")
        #expect(InterventionPolicy(action: .perturb).validationError() != nil)
    }
}
