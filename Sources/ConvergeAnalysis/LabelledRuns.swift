import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics

/// Joins labels to the analysed runs they describe, for calibration.
public enum LabelledRuns {
    /// The labelled conversations of the given runs.
    ///
    /// A label names its run by directory name (`run`); a label without one belongs to the only run
    /// given. When a conversation has several labels the last one counts, so a relabelled
    /// conversation takes its newest answer.
    /// - Parameters:
    ///   - runs: each run's metrics, with distinct directory names.
    ///   - labels: the labels, in file order, each with the file it came from.
    /// - Returns: the labelled conversations in run order, and one note per label ignored because
    ///   its run was not given.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) for duplicate run names, a label that
    ///   names no run while several are given, or a conversation or onset the run does not have.
    public static func join(
        _ runs: [(run: RunDirectory, metrics: [ConversationMetrics])], labels: [(label: ConversationLabel, file: String)]
    ) throws -> (conversations: [LabelledConversation], notes: [String]) {
        var byName: [String: Int] = [:]
        for (index, entry) in runs.enumerated() {
            guard byName.updateValue(index, forKey: entry.run.name) == nil else {
                throw ConvergeError(.invalidParameter, "two runs are named \(entry.run.name); labels tell runs apart by directory name")
            }
        }
        var chosen: [[Int: ConversationLabel]] = Array(repeating: [:], count: runs.count)
        var ignored: [String: Int] = [:]
        for (label, file) in labels {
            guard let name = label.run ?? (runs.count == 1 ? runs[0].run.name : nil) else {
                throw ConvergeError(
                    .invalidParameter,
                    "\(file): the label of conversation \(label.conversation) names no run, and several runs were given")
            }
            guard let index = byName[name] else {
                ignored[name, default: 0] += 1
                continue
            }
            guard let conversation = runs[index].metrics.first(where: { $0.conversation.id == label.conversation }) else {
                throw ConvergeError(.invalidParameter, "\(file): run \(name) has no conversation \(label.conversation)")
            }
            if let onset = label.onset, !(1...max(1, conversation.series.count)).contains(onset) || !label.converged {
                throw ConvergeError(
                    .invalidParameter,
                    "\(file): conversation \(label.conversation) of run \(name) has onset \(onset), which needs converged true and a turn from 1 to \(conversation.series.count)"
                )
            }
            chosen[index][label.conversation] = label
        }
        var conversations: [LabelledConversation] = []
        for (index, entry) in runs.enumerated() {
            for metrics in entry.metrics {
                guard let label = chosen[index][metrics.conversation.id] else { continue }
                conversations.append(
                    LabelledConversation(
                        id: "\(entry.run.name)#\(metrics.conversation.id)", label: verdict(label), series: metrics.series))
            }
        }
        let notes = ignored.keys.sorted().map { "ignored \(ignored[$0]!) labels of run \($0), which was not given" }
        return (conversations, notes)
    }

    /// The label as a verdict. A "converged, onset unknown" label keeps `converged` true with no
    /// onset: it counts for agreement and is left out of the onset error.
    private static func verdict(_ label: ConversationLabel) -> ConvergenceVerdict {
        var verdict = ConvergenceVerdict(onset: label.converged ? (label.onset ?? 1) : nil)
        verdict.onset = label.onset
        return verdict
    }
}
