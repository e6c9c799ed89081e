import ConvergeCore
import Foundation
import Synchronization

/// The progress line of a run on stderr: conversations done, turns, tokens, tok/s and ETA.
/// On a terminal it redraws one line at least once a second; otherwise (CI, a log file) it prints a
/// line every 15 s. Turns finish in waves, so between waves the line counts the tokens the
/// generators have sampled so far.
final class RunProgress: Sendable {
    private struct State {
        var doneTurns: Int
        var doneConversations: Int
        var turnTokens = 0
        var lastDraw = Date.distantPast
        var extra: String?
    }

    private let totalTurns: Int
    private let totalConversations: Int
    private let turnsPerConversation: Int
    private let startedTurns: Int
    /// Turns finished together in one batched wave: an ETA from fewer than that is noise.
    private let wave: Int
    private let sampled: [TokenCounter]
    private let start = Date()
    private let interactive = isatty(STDERR_FILENO) == 1
    private let state: Mutex<State>

    init(plan: [Conversation], turns: Int, parallel: Int, sampled: [TokenCounter] = []) {
        totalConversations = plan.count
        turnsPerConversation = turns
        totalTurns = plan.count * turns
        let done = plan.reduce(0) { $0 + min($1.outputs.count, turns) }
        startedTurns = done
        wave = max(1, min(parallel, plan.filter { $0.outputs.count < turns }.count))
        self.sampled = sampled
        state = Mutex(State(doneTurns: done, doneConversations: plan.filter { $0.outputs.count >= turns }.count))
    }

    /// Notes shown after the counts (retries, the live loop count).
    func setExtra(_ extra: String?) { state.withLock { $0.extra = extra } }

    func record(_ turn: TurnRecord) {
        let force = state.withLock { state in
            state.doneTurns += 1
            state.turnTokens += turn.tokens
            if turn.turn == turnsPerConversation { state.doneConversations += 1 }
            return state.doneTurns == totalTurns
        }
        draw(force: force)
    }

    /// Redraws on a clock until cancelled, so the line moves while a wave is decoding.
    func tick() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            draw(force: false)
        }
    }

    /// Ends the line and prints the run's wall time, speed and where its results are.
    func finish(output: URL) {
        let (done, tokens) = state.withLock { ($0.doneTurns, generatedTokens($0)) }
        if done < totalTurns { draw(force: true) }
        if interactive { StandardError.line("") }
        let elapsed = max(Date().timeIntervalSince(start), 1e-3)
        // Not prefixed "converge:": that prefix marks the one message a failed or interrupted run ends with.
        let line =
            (done == totalTurns ? "done: " : "stopped: ") + "\(done - startedTurns) turns in \(Self.duration(elapsed)) · \(tokens) tokens · "
            + String(format: "%.1f tok/s", Double(tokens) / elapsed) + " · results in \(output.path)\n"
        StandardError.write(line)
    }

    /// The generators' live count where there is one (llama.cpp), else the finished turns' tokens.
    private func generatedTokens(_ state: State) -> Int {
        sampled.isEmpty ? state.turnTokens : sampled.reduce(0) { $0 + $1.count }
    }

    private func draw(force: Bool) {
        let now = Date()
        let line: String? = state.withLock { state in
            guard force || now.timeIntervalSince(state.lastDraw) >= (interactive ? 1 : 15) else { return nil }
            state.lastDraw = now
            return text(state, now: now)
        }
        guard let line else { return }
        StandardError.write(interactive ? "\r\u{1B}[K" + line : line + "\n")
    }

    private func text(_ state: State, now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let newTurns = state.doneTurns - startedTurns
        let tokens = generatedTokens(state)
        var line = "conversations \(state.doneConversations)/\(totalConversations) · turns \(state.doneTurns)/\(totalTurns)"
        line += " · \(tokens) tokens" + String(format: " · %.1f tok/s", Double(tokens) / elapsed)
        line += " · " + Self.duration(elapsed)
        if newTurns >= wave, state.doneTurns < totalTurns {
            line += " · ETA " + Self.duration(Double(totalTurns - state.doneTurns) * elapsed / Double(newTurns))
        }
        if let extra = state.extra { line += " · " + extra }
        return line
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
