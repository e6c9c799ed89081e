import ConvergeCore
import Foundation

/// The progress line of a run on stderr: conversations done, turns, tok/s and ETA.
/// On a terminal it redraws one line; otherwise (CI, a log file) it prints a line every 15 s.
final class RunProgress {
    private let totalTurns: Int
    private let totalConversations: Int
    private let turnsPerConversation: Int
    private let startedTurns: Int
    private var doneTurns: Int
    private var doneConversations: Int
    private var tokens = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let interactive = isatty(STDERR_FILENO) == 1
    var extra: String?

    init(plan: [Conversation], turns: Int) {
        totalConversations = plan.count
        turnsPerConversation = turns
        totalTurns = plan.count * turns
        doneTurns = plan.reduce(0) { $0 + min($1.outputs.count, turns) }
        doneConversations = plan.filter { $0.outputs.count >= turns }.count
        startedTurns = doneTurns
    }

    func record(_ turn: TurnRecord) {
        doneTurns += 1
        tokens += turn.tokens
        if turn.turn == turnsPerConversation { doneConversations += 1 }
        draw(force: doneTurns == totalTurns)
    }

    func finish() {
        if doneTurns < totalTurns { draw(force: true) }
        if interactive { StandardError.line("") }
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= (interactive ? 0.2 : 15) else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let newTurns = doneTurns - startedTurns
        var line = "conversations \(doneConversations)/\(totalConversations) · turns \(doneTurns)/\(totalTurns)"
        line += String(format: " · %.1f tok/s", Double(tokens) / elapsed)
        if newTurns > 0, doneTurns < totalTurns {
            line += " · ETA " + Self.duration(Double(totalTurns - doneTurns) * elapsed / Double(newTurns))
        } else {
            line += " · " + Self.duration(elapsed)
        }
        if let extra { line += " · " + extra }
        StandardError.write(interactive ? "\r\u{1B}[K" + line : line + "\n")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
