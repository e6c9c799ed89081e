public import ConvergeCore
import ConvergeStore
import Foundation

/// What the LLM judge is asked and how its answer is read (docs/LABELLING.md, "LLM judge").
///
/// The instructions restate the readers' "lasts to the end" criterion of docs/LABELLING.md, the one
/// `data/calibration` was labelled with, so the judge's labels can be compared with those readers'.
/// The transcript follows in `converge label`'s layout: the seed, then each turn numbered with its
/// agent, so the judge can name the onset turn as a reader would.
public enum JudgePrompt {
    /// The fixed part of the prompt; its SHA-256 goes into every label's provenance.
    public static let instructions = """
        Two language models, A and B, continue each other's text with no outside input. Read their \
        conversation below and decide whether it has converged.

        Converged means the conversation has collapsed into a loop that it does not leave: from some \
        turn on, the outputs keep repeating the same material (a phrase, a sentence, a list item, a \
        line pattern or a short cycle of them), within turns, across turns, or both, and the \
        repetition still holds at the last turn.
        - Repetition that starts and is then escaped (the models move on to new material for the rest \
        of the conversation) is not convergence.
        - Staying on one topic with new sentences is not convergence; repeating the same sentences is.
        - Outputs that are the same every turn (empty, only punctuation, the same token run) count as a loop.
        - A loop that alternates (A says X, B says Y, A says X again) counts.

        Answer with one line and nothing else: "yes N" if it converged, where N is the number of the \
        first turn of the loop that lasts to the end, or "no" if it did not.
        """

    /// The hex SHA-256 of `instructions`, so a label file says exactly which prompt made it.
    public static let sha256 = FileDigest.sha256(of: Data(instructions.utf8))

    /// The chat messages for one conversation: one user message, the instructions and then the
    /// transcript.
    public static func messages(for conversation: ConversationTranscript) -> [ChatMessage] {
        // Wide enough that no line wraps: the judge reads text, not a terminal.
        let transcript = TranscriptText.render(conversation, width: 100_000)
        return [ChatMessage(role: .user, content: instructions + "\n\nConversation:\n\n" + transcript + "\nAnswer:")]
    }

    /// Reads a reply: the first word that is "yes" or "no" (any case) decides; after a "yes", the
    /// first number from 1 to `lastTurn` is the onset, none when there is no such number.
    /// - Returns: the verdict, or nil when the reply says neither yes nor no.
    public static func parse(_ reply: String, lastTurn: Int) -> (converged: Bool, onset: Int?)? {
        let words = reply.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard let answer = words.firstIndex(where: { $0 == "yes" || $0 == "no" }) else { return nil }
        guard words[answer] == "yes" else { return (false, nil) }
        let onset = words[(answer + 1)...].lazy.compactMap { Int($0) }.first { (1...max(1, lastTurn)).contains($0) }
        return (true, onset)
    }
}
