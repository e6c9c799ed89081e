import ConvergeRun
public import Foundation

extension ExperimentRunner {
    /// Whether the experiment in `directory` has run every condition to the end, so that a
    /// scheduler's re-run of its task can do nothing.
    public static func isComplete(_ directory: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("experiment.json").path),
            let plan = try? JSONDecoder().decode(Plan.self, from: data)
        else { return false }
        return plan.conditions.allSatisfy { RunCompletion.isComplete(directory.appendingPathComponent($0.name)) }
    }

    /// Whether an experiment was started in `directory`: a retried task continues it.
    public static func isStarted(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("experiment.yaml").path)
    }
}
