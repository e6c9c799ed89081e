import ConvergeCore
import Testing

@Suite struct PromptBuilderTests {
    /// Seed plus outputs of turns 1...n: "o1" (A), "o2" (B), ...
    private func conversation(outputs n: Int) -> Conversation {
        Conversation(index: 0, seedIndex: 0, replicate: 0, seed: "seed", outputs: (1...max(n, 1)).prefix(n).map { "o\($0)" })
    }

    @Test func firstTurnSeesTheSeed() {
        for window in [HistoryWindow.last, .lastK(3), .full] {
            #expect(PromptBuilder(window: window, mode: .raw).prompt(for: conversation(outputs: 0)) == .raw("seed"))
        }
    }

    @Test func lastWindowShowsOnlyTheLatestOutput() {
        #expect(PromptBuilder(window: .last, mode: .raw).prompt(for: conversation(outputs: 4)) == .raw("o4"))
    }

    @Test func lastKWindowShowsTheLatestKOldestFirst() {
        let builder = PromptBuilder(window: .lastK(3), mode: .raw)
        #expect(builder.prompt(for: conversation(outputs: 5)) == .raw("o3\no4\no5"))
        // Fewer texts than k: the seed and everything so far.
        #expect(builder.prompt(for: conversation(outputs: 1)) == .raw("seed\no1"))
    }

    @Test func fullWindowShowsSeedAndEveryOutput() {
        let builder = PromptBuilder(window: .full, mode: .raw)
        #expect(builder.prompt(for: conversation(outputs: 3)) == .raw("seed\no1\no2\no3"))
    }

    @Test func chatRolesMarkTheSpeakersOwnTurnsAsAssistant() {
        // Turn 4 is B's: B spoke on turn 2; the seed and A's turns 1 and 3 are the user's.
        let builder = PromptBuilder(window: .full, mode: .chat)
        let expected: [ChatMessage] = [
            .init(role: .user, content: "seed"), .init(role: .user, content: "o1"),
            .init(role: .assistant, content: "o2"), .init(role: .user, content: "o3"),
        ]
        #expect(builder.prompt(for: conversation(outputs: 3)) == .chat(expected))
        // Turn 5 is A's: A's turns 1 and 3 are now the assistant's.
        guard case .chat(let messages) = builder.prompt(for: conversation(outputs: 4)) else {
            Issue.record("chat mode must build a chat prompt")
            return
        }
        #expect(messages.map(\.role) == [.user, .assistant, .user, .assistant, .user])
    }

    @Test func chatLastWindowIsOneUserMessage() {
        let prompt = PromptBuilder(window: .last, mode: .chat).prompt(for: conversation(outputs: 2))
        #expect(prompt == .chat([.init(role: .user, content: "o2")]))
    }

    @Test func emptyOutputsAreNeverPrompts() {
        let c = Conversation(index: 0, seedIndex: 0, replicate: 0, seed: "seed", outputs: ["o1", "", " \n\t"])
        #expect(PromptBuilder(window: .last, mode: .raw).prompt(for: c) == .raw("o1"))
        #expect(PromptBuilder(window: .lastK(2), mode: .raw).prompt(for: c) == .raw("seed\no1"))
        let allEmpty = Conversation(index: 0, seedIndex: 0, replicate: 0, seed: "seed", outputs: ["", ""])
        #expect(PromptBuilder(window: .last, mode: .raw).prompt(for: allEmpty) == .raw("seed"))
    }

    @Test(arguments: [
        ("last", HistoryWindow.last), ("1", .last), ("full", .full), ("last-1", .last),
        ("last-3", .lastK(3)), ("5", .lastK(5)),
    ])
    func historyWindowParses(text: String, window: HistoryWindow) {
        #expect(HistoryWindow(parsing: text) == window)
    }

    @Test(arguments: ["", "last-0", "0", "-2", "last-", "all", "last-x"])
    func badHistoryWindowIsRejected(text: String) {
        #expect(HistoryWindow(parsing: text) == nil)
    }
}
