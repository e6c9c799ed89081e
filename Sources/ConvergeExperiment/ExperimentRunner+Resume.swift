import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation

extension ExperimentRunner {
    /// The sha256 of every detector file a condition names, by path. The seed file needs no entry:
    /// its sentences are in each condition's configuration.
    func detectorFileDigests() throws -> [String: String] {
        let paths = Set(experiment.conditions.compactMap { $0.configuration.intervention?.detectorFile })
        var digests: [String: String] = [:]
        for path in paths {
            do {
                digests[path] = try FileDigest.sha256(of: URL(fileURLWithPath: path))
            } catch {
                throw ConvergeError(.invalidParameter, "cannot read detector file \(path): \(error.localizedDescription)", value: path, underlying: error)
            }
        }
        return digests
    }

    /// Refuses to resume when the experiment would no longer run what it started with: the saved
    /// text is the same, but a seed file or detector file it reads may have changed since.
    /// - Throws: `ConvergeError` `.resume` naming the condition and setting, or the file.
    func checkInputsUnchanged() throws {
        guard let saved = try? JSONDecoder().decode(Plan.self, from: Data(contentsOf: planURL)) else { return }
        let current = Dictionary(experiment.conditions.map { ($0.name, $0.configuration) }) { first, _ in first }
        for condition in saved.conditions {
            guard let now = current[condition.name] else { continue }
            let changed = ProvenanceComparison.configurationDifferences(condition.configuration, now, comparingModelSpecs: true)
            if let first = changed.first {
                throw ConvergeError(
                    .resume,
                    "cannot resume \(output.path): condition '\(condition.name)' \(first) (recorded vs now); a seed file it reads has changed, or restore it",
                    value: planURL.path)
            }
        }
        for (path, digest) in try detectorFileDigests() where saved.detectorFiles?[path].map({ $0 != digest }) == true {
            throw ConvergeError(
                .resume, "cannot resume \(output.path): detector file \(path) has changed since the experiment started; restore it",
                value: path)
        }
    }

    /// The shard to run: `--shard`, or on resume the one the experiment started with.
    /// - Throws: `ConvergeError` when `--shard` contradicts the recorded one.
    func resolvedShard() throws -> Shard? {
        guard resume, let recorded = try? JSONDecoder().decode(Plan.self, from: Data(contentsOf: planURL)).shard else { return shard }
        if let shard, shard != recorded {
            throw ConvergeError(.invalidParameter, "--shard \(shard) contradicts \(planURL.path), which runs shard \(recorded)", value: shard.description)
        }
        return recorded
    }
}
