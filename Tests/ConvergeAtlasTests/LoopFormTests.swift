import Testing

@testable import ConvergeAtlas

/// Each loop form recognised on a constructed span, and the specific forms win over the general.
@Suite struct LoopFormTests {
    @Test func verbatimRepetitionAcrossTurns() {
        let text = "The river keeps running to the sea and the sea keeps calling it home"
        #expect(LoopForm.classify([text, text, text, text]) == .verbatimRepetition)
    }

    @Test func verbatimRepetitionInsideTurns() {
        let texts = ["I am here for you. ", "We can do this together. ", "Let us sing along now. ", "Hold my hand tonight please. "]
            .map { String(repeating: $0, count: 5) }
        #expect(LoopForm.classify(texts) == .verbatimRepetition)
    }

    @Test func periodTwoCycleBetweenAgents() {
        let a = "What is the capital of France? It is a question many travellers ask before a visit."
        let b = "I'm sorry, I cannot help with that request right now, please try again later."
        #expect(LoopForm.classify([a, b, a, b, a, b]) == .periodTwoCycle)
    }

    @Test func listScaffold() {
        let texts = [
            "Here are the steps:\n1. Open the box\n2. Take out the lamp\n3. Plug it in",
            "1. Find the socket 2. Turn on the switch 3. Enjoy the light",
            "Next:\n- water the plants\n- feed the cat\n- close the door",
        ]
        #expect(LoopForm.classify(texts) == .listScaffold)
    }

    @Test func singleEchoedPhrase() {
        let texts = [
            "Morning came over the hills, and remember to breathe slowly when the day begins.",
            "The market filled with voices; remember to breathe slowly as you walk between the stalls.",
            "By night the city glowed. Someone whispered: remember to breathe slowly, always.",
        ]
        #expect(LoopForm.classify(texts) == .echoedPhrase)
    }

    @Test func semanticCirclingWithoutRepeats() {
        let texts = [
            "Friendship is the quiet support of people who care about each other.",
            "True companions stand beside you when life becomes difficult.",
            "Loyal friends offer kindness and help whenever troubles arrive.",
        ]
        #expect(LoopForm.classify(texts) == .semanticCircling)
    }

    @Test(arguments: [
        ("1. one 2. two", 2), ("- a - b * c", 3), ("version 2.0 is out", 0), ("12) x\n13) y", 2), ("no list here", 0),
    ])
    func listMarkers(text: String, count: Int) {
        #expect(ListMarkers.count(in: text) == count)
    }

    @Test func echoedPhraseIsTheLongestSharedRun() {
        #expect(EchoedPhrase.find(in: ["a b c d e", "x b c d y", "b c d"]) == "b c d")
        #expect(EchoedPhrase.find(in: ["one two", "three four"]) == nil)
    }
}
