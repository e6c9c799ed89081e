/// An intervention as recorded on the transcript line of the turn it affected (the optional
/// `intervention` field): `{"action": "inject_seed", "detail": "…"}`.
///
/// For `inject_seed`, `perturb` and `raise_temperature` it is the turn generated under the
/// intervention; for `stop` it is the last turn, after which the conversation ended.
public struct TurnIntervention: Codable, Sendable, Equatable {
    public var action: InterventionPolicy.Action
    /// What exactly was done: the injected seed, the perturbation, the temperature and which of
    /// the k turns this is, or why the conversation stopped.
    public var detail: String

    /// - Parameters:
    ///   - action: the action taken.
    ///   - detail: what exactly was done.
    public init(action: InterventionPolicy.Action, detail: String) {
        self.action = action
        self.detail = detail
    }
}

extension TurnRecord {
    /// Whether the conversation ended on purpose after this turn (the `stop` intervention): it is
    /// complete, however few turns it has.
    public var endsConversation: Bool { intervention?.action == .stop }
}
