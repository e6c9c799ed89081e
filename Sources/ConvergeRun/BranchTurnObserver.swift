import ConvergeCore

/// The observer behind the `branch` trigger: no detector, it fires after the last replayed turn of a
/// branched run, so the policy's action (an injected text, say) is the branch's first generated turn.
struct BranchTurnObserver: TurnObserver {
    /// The branch's `from_turn`.
    let turn: Int

    func observe(_ conversation: Conversation, turn: Int, text: String) async throws -> Bool { turn == self.turn }
}
