/// Watches a conversation turn by turn and says when a live detector fires; the engine then
/// applies the run's `InterventionPolicy`. Kept as a protocol so the engine needs no metrics:
/// ConvergeRun supplies one built on ConvergeMetrics' detectors.
public protocol TurnObserver: Sendable {
    /// Sees the output of one turn. Turns of a conversation come in order starting at 1, live or
    /// replayed from the transcript when a run resumes; turn 1 starts the conversation afresh.
    /// After returning true the observer starts its detector afresh.
    /// - Parameters:
    ///   - conversation: the conversation, with `outputs` up to but not including this turn.
    ///   - turn: the 1-based turn number.
    ///   - text: the turn's output.
    /// - Returns: whether the detector fires at this turn.
    /// - Throws: when the observer's backend (an embedder, say) fails.
    func observe(_ conversation: Conversation, turn: Int, text: String) async throws -> Bool
}
