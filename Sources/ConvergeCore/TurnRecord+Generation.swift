extension TurnRecord {
    /// The record of a conversation's next turn as a model produced it.
    init(_ conversation: Conversation, agent: Agent, model: String, generation: Generation, intervention: TurnIntervention?) {
        self.init(
            conversation: conversation.index, seedIndex: conversation.seedIndex, replicate: conversation.replicate,
            turn: conversation.nextTurn, agent: agent, model: model, text: generation.text,
            promptTokens: generation.promptTokens, tokens: generation.tokens,
            finishReason: generation.finishReason, intervention: intervention
        )
    }
}
