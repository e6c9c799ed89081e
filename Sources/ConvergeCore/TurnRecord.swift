/// Which side of the conversation produced a turn. A speaks on odd turns, B on even turns.
public enum Agent: String, Codable, Sendable, CaseIterable {
    case a = "A"
    case b = "B"

    /// The agent that speaks on a 1-based turn number.
    public static func speaking(onTurn turn: Int) -> Agent { turn % 2 == 1 ? .a : .b }
}

/// Why generation of one turn ended.
public enum FinishReason: String, Codable, Sendable {
    /// The token limit was reached.
    case length
    /// The model produced an end-of-generation token.
    case eos
    /// A stop string appeared; the text is cut before it.
    case stop
    /// The backend failed for this turn; `--resume` retries it.
    case error
    /// The server withheld or cut the output (OpenAI's `content_filter`): not the model's own end.
    case contentFilter = "content_filter"
}

/// One line of `transcript.jsonl`: one model output. Field names are the command-line contract.
public struct TurnRecord: Codable, Sendable, Equatable {
    /// The conversation's number; for a transcript whose ids are strings, the number the loader
    /// assigns (`conversationName` keeps the string).
    public var conversation: Int
    /// The `conversation` field when another tool wrote it as a string ("conv_0042"); written back
    /// in its place.
    public var conversationName: String?
    public var seedIndex: Int
    public var replicate: Int
    /// 1-based.
    public var turn: Int
    public var agent: Agent
    public var model: String
    public var text: String
    public var promptTokens: Int
    public var tokens: Int
    public var finishReason: FinishReason
    /// The seed text. Optional: transcripts from other tools carry it here when there is no `run.json`.
    public var seed: String?
    /// The intervention that affected this turn (`converge experiment`); absent when none did.
    public var intervention: TurnIntervention?

    public init(
        conversation: Int, seedIndex: Int, replicate: Int, turn: Int, agent: Agent, model: String,
        text: String, promptTokens: Int, tokens: Int, finishReason: FinishReason, seed: String? = nil,
        intervention: TurnIntervention? = nil
    ) {
        self.conversation = conversation
        self.seedIndex = seedIndex
        self.replicate = replicate
        self.turn = turn
        self.agent = agent
        self.model = model
        self.text = text
        self.promptTokens = promptTokens
        self.tokens = tokens
        self.finishReason = finishReason
        self.seed = seed
        self.intervention = intervention
    }

    enum CodingKeys: String, CodingKey {
        case conversation, replicate, turn, agent, model, text, tokens, seed, intervention
        case seedIndex = "seed_index"
        case promptTokens = "prompt_tokens"
        case finishReason = "finish_reason"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ConversationID.self, forKey: .conversation) {
        case .number(let number):
            conversation = number
        case .name(let name):
            conversation = 0
            conversationName = name
        }
        seedIndex = try container.decode(Int.self, forKey: .seedIndex)
        replicate = try container.decode(Int.self, forKey: .replicate)
        turn = try container.decode(Int.self, forKey: .turn)
        agent = try container.decode(Agent.self, forKey: .agent)
        model = try container.decode(String.self, forKey: .model)
        text = try container.decode(String.self, forKey: .text)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        tokens = try container.decode(Int.self, forKey: .tokens)
        finishReason = try container.decode(FinishReason.self, forKey: .finishReason)
        seed = try container.decodeIfPresent(String.self, forKey: .seed)
        intervention = try container.decodeIfPresent(TurnIntervention.self, forKey: .intervention)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversationName.map(ConversationID.name) ?? .number(conversation), forKey: .conversation)
        try container.encode(seedIndex, forKey: .seedIndex)
        try container.encode(replicate, forKey: .replicate)
        try container.encode(turn, forKey: .turn)
        try container.encode(agent, forKey: .agent)
        try container.encode(model, forKey: .model)
        try container.encode(text, forKey: .text)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(tokens, forKey: .tokens)
        try container.encode(finishReason, forKey: .finishReason)
        try container.encodeIfPresent(seed, forKey: .seed)
        try container.encodeIfPresent(intervention, forKey: .intervention)
    }
}
