import Foundation

/// Runs conversations under the protocol: A speaks on odd turns, B on even turns, each sees what the
/// `PromptBuilder` shows it.
///
/// Up to `parallel` conversations are open at once. Each round asks one model for the next turn of
/// every open conversation whose turn it is, in one call, so a backend can batch them. Random streams
/// come from each conversation's identity, never from the schedule.
public struct ConversationEngine: Sendable {
    public var configuration: RunConfiguration
    public var modelA: any LanguageModel
    public var modelB: any LanguageModel
    /// Fires `configuration.intervention`; with no observer no intervention ever fires.
    public var observer: (any TurnObserver)?

    public init(
        configuration: RunConfiguration, modelA: any LanguageModel, modelB: any LanguageModel,
        observer: (any TurnObserver)? = nil
    ) {
        self.configuration = configuration
        self.modelA = modelA
        self.modelB = modelB
        self.observer = observer
    }

    /// Runs every conversation to `configuration.turns`, resuming each from its existing outputs.
    /// - Parameters:
    ///   - conversations: the plan, with outputs already on disk filled in.
    ///   - record: called with each finished turn before the conversation moves on; persist it here.
    ///     A turn whose finish reason is `.error` ends its conversation for this run.
    /// - Throws: what `record` or a model throws, and `CancellationError` when cancelled.
    public func run(
        _ conversations: [Conversation],
        record: (TurnRecord) async throws -> Void
    ) async throws {
        let builder = PromptBuilder(window: configuration.history, mode: configuration.promptMode)
        let relay = configuration.relayDirectory.map { FileRelay(directory: .init(fileURLWithPath: $0)) }
        var pending = conversations.filter { $0.outputs.count < configuration.turns }
        var open: [Conversation] = []
        // Per open conversation, when an intervention policy and an observer are set.
        var policy = observer == nil ? nil : configuration.intervention
        if policy?.action == .injectSeed, policy?.seedPool.isEmpty == true { policy?.seedPool = try SeedFile.bundled() }
        var states: [Int: InterventionState] = [:]
        while !pending.isEmpty || !open.isEmpty {
            try Task.checkCancellation()
            while open.count < configuration.parallel, !pending.isEmpty {
                let next = pending.removeFirst()
                if let policy, let observer {
                    let state = try await replayInterventions(next, policy: policy, observer: observer)
                    if state.stopped { continue }
                    states[next.index] = state
                }
                open.append(next)
            }
            if open.isEmpty { break }
            let agent = nextSpeaker(open)
            let model = agent == .a ? modelA : modelB
            let speaking = open.indices.filter { Agent.speaking(onTurn: open[$0].nextTurn) == agent }
            var interventions: [TurnIntervention?] = []
            let requests = speaking.map { i in
                let (request, intervention) = self.request(for: open[i], builder: builder, policy: policy, state: &states[open[i].index])
                interventions.append(intervention)
                return request
            }
            let generations = try await model.generate(requests)
            var failed = Set<Int>()
            for ((i, generation), applied) in zip(zip(speaking, generations), interventions) {
                let conversation = open[i]
                let turn = conversation.nextTurn
                var intervention = applied
                if let policy, let observer, generation.finishReason != .error,
                   try await observer.observe(conversation, turn: turn, text: generation.text),
                   states[conversation.index, default: InterventionState()].end(fired: true, policy) {
                    intervention = TurnIntervention(action: .stop, detail: "\(policy.trigger.rawValue) detector fired at turn \(turn); conversation stopped")
                    failed.insert(i)
                }
                try await record(
                    TurnRecord(
                        conversation: conversation.index, seedIndex: conversation.seedIndex,
                        replicate: conversation.replicate, turn: turn, agent: agent, model: model.name,
                        text: generation.text, promptTokens: generation.promptTokens, tokens: generation.tokens,
                        finishReason: generation.finishReason, intervention: intervention
                    )
                )
                if generation.finishReason == .error || failed.contains(i) {
                    failed.insert(i)
                    continue
                }
                let text = try relay?.relay(generation.text, conversation: conversation.index, turn: turn) ?? generation.text
                open[i].outputs.append(text)
            }
            open = open.indices.filter { !failed.contains($0) && open[$0].outputs.count < configuration.turns }.map { open[$0] }
        }
    }

    /// The agent with more open conversations waiting for it, so batches stay as full as possible.
    private func nextSpeaker(_ open: [Conversation]) -> Agent {
        let waitingForA = open.filter { Agent.speaking(onTurn: $0.nextTurn) == .a }.count
        return waitingForA * 2 >= open.count ? .a : .b
    }
}
