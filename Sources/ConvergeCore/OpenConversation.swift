/// A conversation the engine is advancing, with where it stands.
struct OpenConversation: Sendable {
    enum Phase: Sendable {
        /// Waiting for its next turn.
        case open
        /// Reached the run's last turn.
        case finished
        /// A turn failed; a resumed run generates it again.
        case failed
        /// The intervention policy stopped it on purpose.
        case stopped
    }

    var conversation: Conversation
    var interventions: InterventionState?
    var phase = Phase.open
}
