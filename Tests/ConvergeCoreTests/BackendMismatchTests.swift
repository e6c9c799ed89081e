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
}
