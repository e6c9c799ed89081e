import ConvergeCore
import Synchronization
import Testing

/// The engine hands every turn to its relay and continues with what the relay gives back, so the
/// study's file relay (in ConvergeStore) decides exactly what the next model sees.
@Suite struct RelayTests {
    private final class MarkingRelay: TurnRelay {
        let seen = Mutex<[String]>([])
        func relay(_ text: String, conversation: Int, turn: Int) throws -> String {
            seen.withLock { $0.append(text) }
            return "relayed \(text)"
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func everyTurnGoesThroughTheRelay() async throws {
        let c = engineConfiguration(seeds: 2, turns: 3)
        let relay = MarkingRelay()
        let echo: @Sendable (String, GenerationRequest) -> Generation = { _, request in
            Generation(text: FakeModel.text(of: request.prompt), promptTokens: 1, tokens: 1, finishReason: .length)
        }
        let engine = ConversationEngine(
            configuration: c, modelA: FakeModel(name: "A", respond: echo), modelB: FakeModel(name: "B", respond: echo), relay: relay)
        var records: [TurnRecord] = []
        try await engine.run(Conversation.plan(seeds: c.seeds, replicates: 1)) { records.append($0) }
        #expect(relay.seen.withLock { $0 } == records.map(\.text))
        // Each model echoes its prompt, so the relay's mark piles up turn by turn.
        #expect(records.filter { $0.turn == 3 }.allSatisfy { $0.text.hasPrefix("relayed relayed seed") })
    }
}
