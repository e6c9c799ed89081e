/// Runs conversations under the protocol: A speaks on odd turns, B on even turns, each sees what the
/// `PromptBuilder` shows it.
///
/// Up to `parallel` conversations are open at once. Each round asks a model for the next turn of
/// every open conversation it answers this round, in one call, so a backend can batch them; under
/// the pipelined schedule both models work in the same round on different conversations. Each turn
/// is recorded as its backend delivers it, not when the round is done. Random streams come from each
/// conversation's identity, never from the schedule.
public struct ConversationEngine: Sendable {
    public var configuration: RunConfiguration
    public var modelA: any LanguageModel
    public var modelB: any LanguageModel
    /// Fires `configuration.intervention`; with no observer no intervention ever fires.
    public var observer: (any TurnObserver)?
    /// Carries each turn's text to the next model (the study's file relay); nil passes it in memory.
    public var relay: (any TurnRelay)?
    public var schedule: EngineSchedule

    public init(
        configuration: RunConfiguration, modelA: any LanguageModel, modelB: any LanguageModel,
        observer: (any TurnObserver)? = nil, relay: (any TurnRelay)? = nil, schedule: EngineSchedule = .lockstep
    ) {
        self.configuration = configuration
        self.modelA = modelA
        self.modelB = modelB
        self.observer = observer
        self.relay = relay
        self.schedule = schedule
    }

    /// Runs every conversation to `configuration.turns`, resuming each from its existing outputs.
    /// - Parameters:
    ///   - conversations: the plan, with outputs already on disk filled in.
    ///   - record: called with each finished turn as soon as its backend delivers it, before the
    ///     conversation moves on; persist it here.
    ///     A turn whose finish reason is `.error` ends its conversation for this run.
    /// - Throws: what `record`, the relay or a model throws; `ConvergeError` with code `.backend`
    ///   when a model answers a batch with a different number of results (the turns it, and the other
    ///   model in the same round, did deliver are recorded first); `CancellationError` when cancelled.
    public func run(
        _ conversations: [Conversation],
        record: (TurnRecord) async throws -> Void
    ) async throws {
        let builder = PromptBuilder(window: configuration.history, mode: configuration.promptMode)
        let interventions = try InterventionRunner(engine: self)
        var pending = conversations.filter { $0.outputs.count < configuration.turns }[...]
        var open: [OpenConversation] = []
        while true {
            try Task.checkCancellation()
            while open.count < configuration.parallel, let next = pending.popFirst() {
                let state = try await interventions.replay(next)
                if state?.stopped != true { open.append(OpenConversation(conversation: next, interventions: state)) }
            }
            if open.isEmpty { return }
            let round = Round.plan(
                open.map { (Agent.speaking(onTurn: $0.conversation.nextTurn), configuration.turns - $0.conversation.outputs.count) }, schedule: schedule)
            let batches = [(Agent.a, modelA, round.a), (Agent.b, modelB, round.b)].filter { !$0.2.isEmpty }.map { agent, model, speaking in
                RoundBatch(
                    agent: agent, model: model, speaking: speaking,
                    planned: speaking.map {
                        request(for: open[$0].conversation, builder: builder, policy: interventions.policy, state: &open[$0].interventions)
                    })
            }
            try await RoundBatch.generate(batches) { batch, position, generation in
                let i = batch.speaking[position]
                let conversation = open[i].conversation
                let detectorStops = try await interventions.stops(conversation, after: generation, state: &open[i].interventions)
                let intervention = detectorStops ? interventions.stopRecord(turn: conversation.nextTurn) : batch.planned[position].intervention
                try await record(TurnRecord(conversation, agent: batch.agent, model: batch.model.name, generation: generation, intervention: intervention))
                open[i].phase = try phase(after: generation, detectorStops: detectorStops, in: &open[i].conversation)
            }
            open.removeAll { $0.phase != .open }
        }
    }

    /// Where a conversation stands once its turn is recorded; a continuing one takes the turn's
    /// text, as relayed, into its outputs.
    private func phase(after generation: Generation, detectorStops: Bool, in conversation: inout Conversation) throws -> OpenConversation.Phase {
        if generation.finishReason == .error { return .failed }
        if detectorStops { return .stopped }
        let text = try relay?.relay(generation.text, conversation: conversation.index, turn: conversation.nextTurn) ?? generation.text
        conversation.outputs.append(text)
        return conversation.outputs.count < configuration.turns ? .open : .finished
    }
}
