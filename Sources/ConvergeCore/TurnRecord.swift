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
    public var conversation: Int
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
}
