/// Builds what a model sees on its turn from the seed and earlier outputs.
///
/// Empty-output policy: an empty output is kept in the transcript as it is, but it is never used
/// as a prompt. The window is taken over the non-empty texts, so after an empty turn the next model
/// continues the most recent non-empty text (at worst the seed). A model prompted with nothing would
/// only produce unconditioned text, which says nothing about the conversation.
public struct PromptBuilder: Sendable {
    public var window: HistoryWindow
    public var mode: PromptMode

    public init(window: HistoryWindow, mode: PromptMode) {
        self.window = window
        self.mode = mode
    }

    /// Joins texts of a raw prompt whose window holds more than one text.
    public static let separator = "\n"

    /// The prompt for turn `conversation.nextTurn`.
    public func prompt(for conversation: Conversation) -> Prompt {
        let speaker = Agent.speaking(onTurn: conversation.nextTurn)
        // (text, spoken by the agent about to speak?) for the seed and every output, oldest first.
        var texts: [(text: String, own: Bool)] = [(conversation.seed, false)]
        for (offset, output) in conversation.outputs.enumerated() {
            texts.append((output, Agent.speaking(onTurn: offset + 1) == speaker))
        }
        let usable = texts.filter { !$0.text.allSatisfy(\.isWhitespace) }
        let shown: ArraySlice<(text: String, own: Bool)> =
            switch window {
            case .last: usable.suffix(1)
            case .lastK(let k): usable.suffix(k)
            case .full: usable[...]
            }
        switch mode {
        case .raw:
            return .raw(shown.map(\.text).joined(separator: Self.separator))
        case .chat:
            return .chat(shown.map { ChatMessage(role: $0.own ? .assistant : .user, content: $0.text) })
        }
    }
}
