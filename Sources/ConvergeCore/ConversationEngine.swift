/// Runs conversations under the protocol: A speaks on odd turns, B on even turns, each sees what the
/// `PromptBuilder` shows it.
///
/// Up to `parallel` conversations are open at once. Each round asks one model for the next turn of
/// every open conversation whose turn it is, in one call, so a backend can batch them; each turn is
/// recorded as the backend delivers it, not when the whole round is done. Random streams come from
/// each conversation's identity, never from the schedule.
public struct ConversationEngine: Sendable {
    public var configuration: RunConfiguration
    public var modelA: any LanguageModel
    public var modelB: any LanguageModel
    /// Fires `configuration.intervention`; with no observer no intervention ever fires.
    public var observer: (any TurnObserver)?
    /// Carries each turn's text to the next model (the study's file relay); nil passes it in memory.
    public var relay: (any TurnRelay)?

    public init(
        configuration: RunConfiguration, modelA: any LanguageModel, modelB: any LanguageModel,
        observer: (any TurnObserver)? = nil, relay: (any TurnRelay)? = nil
    ) {
        self.configuration = configuration
        self.modelA = modelA
        self.modelB = modelB
        self.observer = observer
        self.relay = relay
    }

    /// Runs every conversation to `configuration.turns`, resuming each from its existing outputs.
    /// - Parameters:
    ///   - conversations: the plan, with outputs already on disk filled in.
    ///   - record: called with each finished turn as soon as its backend delivers it, before the
    ///     conversation moves on; persist it here.
    ///     A turn whose finish reason is `.error` ends its conversation for this run.
    /// - Throws: what `record`, the relay or a model throws; `ConvergeError` with code `.backend`
    ///   when a model answers a batch with a different number of results (the turns it did deliver
    ///   are recorded first); `CancellationError` when cancelled.
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
            let agent = nextSpeaker(open)
            let model = agent == .a ? modelA : modelB
            let speaking = open.indices.filter { Agent.speaking(onTurn: open[$0].conversation.nextTurn) == agent }
            let planned = speaking.map { request(for: open[$0].conversation, builder: builder, policy: interventions.policy, state: &open[$0].interventions) }
            var delivered = Set<Int>()
            try await model.generate(planned.map(\.request)) { position, generation in
                guard planned.indices.contains(position), delivered.insert(position).inserted else {
                    throw ConvergeError(.backend, "model \(model.name) delivered result \(position) of a batch of \(planned.count) out of place or twice")
                }
                let i = speaking[position]
                let conversation = open[i].conversation
                let detectorStops = try await interventions.stops(conversation, after: generation, state: &open[i].interventions)
                let intervention = detectorStops ? interventions.stopRecord(turn: conversation.nextTurn) : planned[position].intervention
                try await record(TurnRecord(conversation, agent: agent, model: model.name, generation: generation, intervention: intervention))
                open[i].phase = try phase(after: generation, detectorStops: detectorStops, in: &open[i].conversation)
            }
            guard delivered.count == planned.count else {
                throw ConvergeError.resultCount(model: model.name, results: delivered.count, requests: planned.count)
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

    /// The agent with more open conversations waiting for it, so batches stay as full as possible.
    private func nextSpeaker(_ open: [OpenConversation]) -> Agent {
        let waitingForA = open.filter { Agent.speaking(onTurn: $0.conversation.nextTurn) == .a }.count
        return waitingForA * 2 >= open.count ? .a : .b
    }
}
