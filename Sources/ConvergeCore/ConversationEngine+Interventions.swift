/// One conversation's intervention state: how many interventions fired, and what the policy still
/// owes the coming turns. It depends only on the order of outputs and detector verdicts, so a
/// resumed run rebuilds it exactly by replaying the transcript through the observer.
struct InterventionState: Sendable {
    var fired = 0
    /// The detector fired after the last turn; the next turn carries the action.
    var pending = false
    /// Turns of raised temperature still to come, and how many there were in all.
    var boostLeft = 0
    var stopped = false

    /// What the policy does to the coming turn, consuming what it owed.
    mutating func begin(_ policy: InterventionPolicy) -> InterventionPolicy.Action? {
        if pending {
            pending = false
            if policy.action == .raiseTemperature { boostLeft = policy.turns }
            if policy.action != .raiseTemperature { return policy.action }
        }
        guard boostLeft > 0 else { return nil }
        boostLeft -= 1
        return .raiseTemperature
    }

    /// Takes in the detector's answer after a turn.
    /// - Returns: true when the conversation stops here.
    mutating func end(fired detectorFired: Bool, _ policy: InterventionPolicy) -> Bool {
        guard detectorFired, fired < policy.maxInterventions else { return false }
        fired += 1
        if policy.action == .stop {
            stopped = true
            return true
        }
        pending = true
        return false
    }
}

extension ConversationEngine {
    /// Rebuilds a resumed conversation's state by showing its recorded outputs to the observer.
    static func replayInterventions(_ conversation: Conversation, policy: InterventionPolicy, observer: any TurnObserver) async throws -> InterventionState {
        var state = InterventionState()
        var prefix = conversation
        prefix.outputs = []
        for (offset, text) in conversation.outputs.enumerated() {
            _ = state.begin(policy)
            let detectorFired = try await observer.observe(prefix, turn: offset + 1, text: text)
            if state.end(fired: detectorFired, policy) { break }
            prefix.outputs.append(text)
        }
        return state
    }

    /// The request of a conversation's next turn under the policy, and the intervention to record.
    func request(
        for conversation: Conversation, builder: PromptBuilder, policy: InterventionPolicy?, state: inout InterventionState?
    ) -> (request: GenerationRequest, intervention: TurnIntervention?) {
        let turn = conversation.nextTurn
        var request = GenerationRequest(
            prompt: builder.prompt(for: conversation),
            maxTokens: configuration.maxTokens,
            sampler: configuration.sampler,
            stop: configuration.stop,
            rngSeed: conversation.turnSeed(runSeed: configuration.rngSeed, turn: turn)
        )
        guard let policy, let action = state?.begin(policy) else { return (request, nil) }
        switch action {
        case .injectSeed:
            let seed = freshSeed(for: conversation, pool: policy.seedPool)
            request.prompt = builder.prompt(
                for: Conversation(index: conversation.index, seedIndex: conversation.seedIndex, replicate: conversation.replicate, seed: seed))
            return (request, TurnIntervention(action: action, detail: seed))
        case .perturb:
            request.prompt = Self.perturbed(request.prompt, with: policy.perturbation)
            return (request, TurnIntervention(action: action, detail: policy.perturbation))
        case .raiseTemperature:
            request.sampler.temperature = policy.temperature
            let index = policy.turns - (state?.boostLeft ?? 0)
            return (request, TurnIntervention(action: action, detail: "temperature \(policy.temperature), turn \(index) of \(policy.turns)"))
        case .stop:
            return (request, nil)
        }
    }

    /// A seed from the pool other than the conversation's own, chosen by a stream that depends
    /// only on the conversation's identity and the turn.
    private func freshSeed(for conversation: Conversation, pool: [String]) -> String {
        let choices = pool.filter { $0 != conversation.seed }
        guard !choices.isEmpty else { return conversation.seed }
        var stream = RandomStream(seed: RandomStream.derive(conversation.turnSeed(runSeed: configuration.rngSeed, turn: conversation.nextTurn), 0x5EED))
        return choices[Int(stream.next() % UInt64(choices.count))]
    }

    /// The prompt with the perturbation in front: a raw prompt gets it and a line break; a chat
    /// prompt gets it in front of its first message.
    static func perturbed(_ prompt: Prompt, with text: String) -> Prompt {
        switch prompt {
        case .raw(let raw): return .raw(text + PromptBuilder.separator + raw)
        case .chat(var messages):
            if messages.isEmpty { return .chat([ChatMessage(role: .user, content: text)]) }
            messages[0].content = text + PromptBuilder.separator + messages[0].content
            return .chat(messages)
        }
    }
}
