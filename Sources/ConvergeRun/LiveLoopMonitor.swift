import ConvergeCore
import ConvergeDetection
import ConvergeMetrics

/// The live line of `converge run --live`: how many conversations the loop detector (calibrated
/// defaults) sees in a loop right now. Its signals need no embeddings, so it costs almost nothing.
final class LiveLoopMonitor {
    private var states: [Int: (series: TurnSeries, tracker: RepetitionLoopDetector.Tracker)] = [:]
    private var looping = Set<Int>()
    private let total: Int

    /// Starts from the outputs already on disk, so a resumed run shows the same count.
    init(plan: [Conversation]) {
        total = plan.count
        for conversation in plan {
            for output in conversation.outputs {
                observe(conversation: conversation.index, seed: conversation.seed, text: output)
            }
        }
    }

    /// Feeds the next output of one conversation; outputs must come in turn order.
    func observe(conversation: Int, seed: String, text: String) {
        var state = states[conversation] ?? (TurnSeries(seed: seed), RepetitionLoopDetector.calibrated.makeTracker())
        let verdict = state.tracker.append(state.series.append(text, embedding: nil))
        states[conversation] = state
        if verdict.converged { looping.insert(conversation) } else { looping.remove(conversation) }
    }

    var line: String { "looping now \(looping.count)/\(total)" }
}
