import ConvergeAnalysis
import ConvergeCore
import Testing

/// How the LLM judge's prompt is built and its reply read (docs/LABELLING.md, "LLM judge").
@Suite struct JudgePromptTests {
    @Test(
        arguments: [
            ("yes 14", true, 14),
            ("Yes, from turn 7.", true, 7),
            ("  YES\n", true, nil),
            ("yes 99", true, nil),
            ("no", false, nil),
            ("No, it escapes at turn 12.", false, nil),
            ("The answer is yes: 3", true, 3),
            ("nothing to say 5", nil, nil),
            ("", nil, nil),
            ("yesterday the keeper, no", false, nil),
        ] as [(String, Bool?, Int?)])
    func readsTheFirstYesOrNo(_ reply: String, _ converged: Bool?, _ onset: Int?) {
        let verdict = JudgePrompt.parse(reply, lastTurn: 25)
        #expect(verdict?.converged == converged)
        #expect(verdict?.onset == onset)
    }

    @Test func promptHoldsTheCriterionAndEveryTurnNumbered() {
        let turns = (1...3).map { turn in
            TurnRecord(
                conversation: 4, seedIndex: 4, replicate: 0, turn: turn, agent: Agent.speaking(onTurn: turn), model: "m",
                text: "text of turn \(turn)", promptTokens: 1, tokens: 1, finishReason: .length, seed: "the seed")
        }
        let conversation = ConversationTranscript(id: 4, seedIndex: 4, replicate: 0, seed: "the seed", turns: turns)
        let messages = JudgePrompt.messages(for: conversation)
        #expect(messages.count == 1 && messages[0].role == .user)
        let text = messages[0].content
        #expect(text.hasPrefix(JudgePrompt.instructions) && text.contains("still holds at the last turn"))
        #expect(text.contains("the seed") && text.contains("  3 A") && text.contains("text of turn 3"))
        #expect(JudgePrompt.sha256.count == 64 && JudgePrompt.sha256.allSatisfy(\.isHexDigit))
    }
}
