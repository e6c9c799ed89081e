import Foundation

/// The `converge label` dialogue: shows each conversation not yet labelled, asks whether it
/// converged and where, and appends each answer to `labels.jsonl` at once. Input and output are
/// injected, so the dialogue runs the same on a terminal, on piped stdin and in tests.
public struct LabelSession {
    /// What a session did.
    public struct Outcome: Sendable, Equatable {
        public var labelled = 0
        public var skipped = 0
        /// Conversations still without a label.
        public var remaining = 0
        /// Whether the labeller quit (or input ended) before the last conversation.
        public var stoppedEarly = false

        /// - Parameters:
        ///   - labelled: conversations labelled in this session.
        ///   - skipped: conversations skipped.
        ///   - remaining: conversations still without a label.
        ///   - stoppedEarly: whether the session ended before the last conversation.
        public init(labelled: Int = 0, skipped: Int = 0, remaining: Int = 0, stoppedEarly: Bool = false) {
            self.labelled = labelled
            self.skipped = skipped
            self.remaining = remaining
            self.stoppedEarly = stoppedEarly
        }
    }

    public let run: RunDirectory
    public let labeller: String
    /// Terminal width for wrapping.
    public let width: Int

    /// - Parameters:
    ///   - run: the run to label; its `labels.jsonl` is read to resume and appended to.
    ///   - labeller: recorded with each answer.
    ///   - width: terminal width for wrapping.
    public init(run: RunDirectory, labeller: String, width: Int = 100) {
        self.run = run
        self.labeller = labeller
        self.width = width
    }

    /// Runs the dialogue until every conversation has a label, the labeller quits, or input ends.
    /// - Parameters:
    ///   - readLine: the next line of input, nil at the end.
    ///   - write: shows text to the labeller.
    /// - Returns: counts of what happened.
    /// - Throws: `ConvergeError` when `labels.jsonl` cannot be read or appended to.
    public func run(readLine: () -> String?, write: (String) -> Void) throws -> Outcome {
        let done = Set(try LabelFile.read(run.labelsURL).filter { $0.run == nil || $0.run == run.name }.map(\.conversation))
        let pending = run.conversations.filter { !done.contains($0.id) }
        var outcome = Outcome()
        write("\(done.count) of \(run.conversations.count) conversations already labelled; \(pending.count) to go.\n")
        for (position, conversation) in pending.enumerated() {
            write(
                "\n━━ Conversation \(conversation.id) (seed \(conversation.seedIndex), replicate \(conversation.replicate)) — \(position + 1) of \(pending.count) ━━\n"
            )
            write(TranscriptText.render(conversation, width: width))
            let answers = ["y", "yes", "n", "no", "s", "skip", "q", "quit"]
            guard let answer = ask("converged? [y/n/s(kip)/q] ", hint: "y, n, s or q", readLine, write, accepts: answers.contains)
            else {
                return finish(outcome, pending: pending.count, stoppedEarly: true)
            }
            switch answer.prefix(1) {
            case "q": return finish(outcome, pending: pending.count, stoppedEarly: true)
            case "s":
                outcome.skipped += 1
                continue
            default: break
            }
            var onset: Int?
            if answer.hasPrefix("y") {
                let last = conversation.turns.count
                guard
                    let reply = ask(
                        "onset turn? [1-\(last), blank if unsure] ", hint: "a turn from 1 to \(last), or nothing", readLine, write,
                        accepts: { $0.isEmpty || Int($0).map { (1...last).contains($0) } == true })
                else {
                    return finish(outcome, pending: pending.count, stoppedEarly: true)
                }
                onset = Int(reply)
            }
            try LabelFile.append(
                ConversationLabel(
                    run: run.name, conversation: conversation.id, converged: answer.hasPrefix("y"), onset: onset,
                    labeller: labeller),
                to: run.labelsURL)
            outcome.labelled += 1
        }
        return finish(outcome, pending: pending.count, stoppedEarly: false)
    }

    private func finish(_ outcome: Outcome, pending: Int, stoppedEarly: Bool) -> Outcome {
        var outcome = outcome
        outcome.remaining = pending - outcome.labelled
        outcome.stoppedEarly = stoppedEarly
        return outcome
    }

    /// Asks until `accepts` takes the reply (trimmed, lower-cased); nil when input ends.
    private func ask(
        _ prompt: String, hint: String, _ readLine: () -> String?, _ write: (String) -> Void,
        accepts: (String) -> Bool
    ) -> String? {
        while true {
            write(prompt)
            guard let line = readLine() else {
                write("\n")
                return nil
            }
            let reply = line.trimmingCharacters(in: .whitespaces).lowercased()
            if accepts(reply) { return reply }
            write("please answer \(hint)\n")
        }
    }
}
