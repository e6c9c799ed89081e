/// The run's intervention policy paired with the observer that fires it. With no observer or no
/// policy it does nothing, so the engine's loop reads the same either way.
struct InterventionRunner: Sendable {
    let policy: InterventionPolicy?
    let observer: (any TurnObserver)?

    /// - Throws: when the `inject-seed` policy needs the bundled seeds and they cannot be read.
    init(engine: ConversationEngine) throws {
        observer = engine.observer
        var policy = engine.observer == nil ? nil : engine.configuration.intervention
        if policy?.action == .injectSeed, policy?.seedPool.isEmpty == true { policy?.seedPool = try SeedFile.bundled() }
        self.policy = policy
    }

    /// A conversation's state on (re)opening: nil without a policy, else rebuilt from its outputs.
    func replay(_ conversation: Conversation) async throws -> InterventionState? {
        guard let policy, let observer else { return nil }
        return try await ConversationEngine.replayInterventions(conversation, policy: policy, observer: observer)
    }

    /// Shows a finished turn to the detector.
    /// - Returns: whether the policy stops the conversation after this turn.
    func stops(_ conversation: Conversation, after generation: Generation, state: inout InterventionState?) async throws -> Bool {
        guard let policy, let observer, generation.finishReason != .error else { return false }
        let fired = try await observer.observe(conversation, turn: conversation.nextTurn, text: generation.text)
        var current = state ?? InterventionState()
        defer { state = current }
        return current.end(fired: fired, policy)
    }

    /// What the transcript records for a turn after which the policy stopped the conversation.
    func stopRecord(turn: Int) -> TurnIntervention? {
        policy.map { TurnIntervention(action: .stop, detail: "\($0.trigger.rawValue) detector fired at turn \(turn); conversation stopped") }
    }
}
