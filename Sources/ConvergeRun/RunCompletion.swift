import ConvergeCore
import ConvergeStore
public import Foundation

/// Whether a run directory is finished, so that a scheduler's re-run of its task can do nothing.
public enum RunCompletion {
    /// Every conversation of the directory's run (of its shard, for a shard) holds all its turns,
    /// none of them failed, or was ended on purpose by the `stop` intervention. A directory that cannot be read is not complete: the task then runs and
    /// reports what is wrong.
    public static func isComplete(_ directory: URL) -> Bool {
        guard let manifest = try? RunManifest.read(from: directory.appendingPathComponent("run.json")),
            let records = try? TranscriptFile.read(directory.appendingPathComponent("transcript.jsonl"))
        else { return false }
        let configuration = manifest.configuration
        guard let resumed = try? ResumeState.apply(records, to: manifest.plan) else { return false }
        let stopped = Set(records.filter(\.endsConversation).map(\.conversation))
        return (manifest.shard?.select(resumed) ?? resumed).allSatisfy { $0.outputs.count >= configuration.turns || stopped.contains($0.index) }
    }

    /// Whether the directory holds a run that was started: a retried task continues it.
    public static func isStarted(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("transcript.jsonl").path)
    }
}
