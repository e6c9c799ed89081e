import ConvergeCore
import Testing

/// A backend that answers a batch with fewer results than requests must stop the run with an
/// error: pairing results with requests by position would silently lose conversations.
@Suite struct BackendMismatchTests {
    /// Answers every batch but drops its last result.
    private struct ShortModel: LanguageModel {
        let name = "short"
        func generate(_ requests: [GenerationRequest]) async throws -> [Generation] {
            requests.dropLast().map { _ in Generation(text: "x", promptTokens: 1, tokens: 1, finishReason: .length) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func fewerResultsThanRequestsIsAnError() async throws {
        let c = engineConfiguration(seeds: 3, turns: 2, parallel: 3)
        let engine = ConversationEngine(configuration: c, modelA: ShortModel(), modelB: ShortModel())
        var recorded = 0
        await #expect {
            try await engine.run(Conversation.plan(seeds: c.seeds, replicates: 1)) { _ in recorded += 1 }
        } throws: { error in
            let error = error as? ConvergeError
            return error?.code == .backend && error?.message.contains("2 results for 3 requests") == true
        }
        #expect(recorded == 0)
    }

    /// Delivers each batch's results in the positions `order` gives, as a backend whose requests
    /// finish at different times does; its text depends only on the request.
    private struct StreamingModel: LanguageModel {
        let name = "streaming"
        let order: @Sendable (Int) -> [Int]
        func generate(_ requests: [GenerationRequest]) async throws -> [Generation] { requests.map(Self.answer) }
        func generate(_ requests: [GenerationRequest], deliver: (Int, Generation) async throws -> Void) async throws {
            // A position past the batch still gets an answer, to test the engine's check of it.
            for position in order(requests.count) { try await deliver(position, Self.answer(requests[min(position, requests.count - 1)])) }
        }
        static func answer(_ request: GenerationRequest) -> Generation {
            Generation(text: "t\(request.rngSeed % 1000)", promptTokens: 1, tokens: 1, finishReason: .length)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func turnsAreRecordedInTheOrderTheyFinish() async throws {
        let c = engineConfiguration(seeds: 3, turns: 2, parallel: 3)
        var streamed: [TurnRecord] = []
        let reversed = StreamingModel { Array((0..<$0).reversed()) }
        try await ConversationEngine(configuration: c, modelA: reversed, modelB: reversed)
            .run(Conversation.plan(seeds: c.seeds, replicates: 1)) { streamed.append($0) }
        #expect(streamed.prefix(3).map(\.conversation) == [2, 1, 0])
        var batched: [TurnRecord] = []
        let inOrder = StreamingModel { Array(0..<$0) }
        try await ConversationEngine(configuration: c, modelA: inOrder, modelB: inOrder)
            .run(Conversation.plan(seeds: c.seeds, replicates: 1)) { batched.append($0) }
        let key: (TurnRecord) -> [Int] = { [$0.conversation, $0.turn] }
        #expect(streamed.sorted { key($0).lexicographicallyPrecedes(key($1)) } == batched.sorted { key($0).lexicographicallyPrecedes(key($1)) })
    }

    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            ([0, 1], [0, 1], "2 results for 3 requests"),
            ([0, 1, 1], [0, 1], "result 1 of a batch of 3 out of place or twice"),
            ([0, 3], [0], "result 3 of a batch of 3 out of place or twice"),
        ])
    func aStreamedBatchThatIsShortOrRepeatsIsAnErrorAfterItsGoodTurns(delivered: [Int], kept: [Int], message: String) async throws {
        let c = engineConfiguration(seeds: 3, turns: 2, parallel: 3)
        let model = StreamingModel { _ in delivered }
        var recorded: [Int] = []
        await #expect {
            try await ConversationEngine(configuration: c, modelA: model, modelB: model)
                .run(Conversation.plan(seeds: c.seeds, replicates: 1)) { recorded.append($0.conversation) }
        } throws: { error in
            let error = error as? ConvergeError
            return error?.code == .backend && error?.message.contains(message) == true
        }
        #expect(recorded == kept, "the turns delivered before the fault are recorded")
    }
}
