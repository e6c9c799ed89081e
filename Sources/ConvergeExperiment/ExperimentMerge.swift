import ConvergeCore
import ConvergeRun
import ConvergeStore
public import Foundation

/// Joins the shards of an experiment (`converge experiment --shard`) into one experiment: each
/// condition is merged as a run (`RunMerge`), and the experiment's file and plan are kept once.
public enum ExperimentMerge {
    /// Whether `directory` holds an experiment rather than a single run.
    public static func isExperiment(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("experiment.json").path)
    }

    /// - Parameters:
    ///   - shards: the shards' experiment directories, in any order.
    ///   - output: a new directory for the merged experiment.
    ///   - command: the command line, recorded in each merged condition's `run.json`.
    /// - Returns: how many turns the merged transcripts hold together.
    /// - Throws: `ConvergeError` naming the shard that ran another experiment file, or (from
    ///   `RunMerge`) the condition, shard and field that disagree.
    @discardableResult
    public static func merge(_ shards: [URL], into output: URL, command: [String]) throws -> Int {
        guard let first = shards.first else { throw ConvergeError(.invalidParameter, "merge needs at least one shard directory") }
        let texts = try shards.map { try read($0.appendingPathComponent("experiment.yaml")) }
        if let other = zip(shards, texts).first(where: { $0.1 != texts[0] })?.0 {
            throw ConvergeError(
                .invalidParameter, "\(other.path) ran a different experiment file than \(first.path) (experiment.yaml differs)", value: other.path)
        }
        var plan = try JSONDecoder().decode(ExperimentRunner.Plan.self, from: Data(read(first.appendingPathComponent("experiment.json")).utf8))
        plan.shard = nil
        let lock = try DirectoryLock.claim(output)
        defer { withExtendedLifetime(lock) {} }
        guard !isExperiment(output) else {
            throw ConvergeError(.resume, "\(output.path) already holds an experiment; choose a new --out", value: output.path)
        }
        var turns = 0
        for condition in plan.conditions {
            turns += try RunMerge.merge(
                shards.map { $0.appendingPathComponent(condition.name) }, into: output.appendingPathComponent(condition.name), command: command)
        }
        // Written last, so an experiment directory that has its plan has every condition merged.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try Data(texts[0].utf8).write(to: output.appendingPathComponent("experiment.yaml"), options: .atomic)
            try encoder.encode(plan).write(to: output.appendingPathComponent("experiment.json"), options: .atomic)
        } catch {
            throw ConvergeError(.io, "cannot write the experiment into \(output.path): \(error.localizedDescription)", value: output.path, underlying: error)
        }
        return turns
    }

    private static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConvergeError(
                .invalidParameter, "\(url.deletingLastPathComponent().path) is not an experiment shard: cannot read \(url.lastPathComponent)", value: url.path)
        }
    }
}
