import ConvergeAnalysis
public import ConvergeCore
public import ConvergeDetection
public import Foundation

extension Comparison {
    /// The condition directories of an experiment: in `experiment.json` order when it exists,
    /// otherwise every subdirectory holding a `transcript.jsonl`, by name.
    /// - Parameter warn: told each planned condition that has no transcript yet, so that a
    ///   comparison never silently leaves one out.
    /// - Throws: `ConvergeError` when there is none.
    public static func conditionDirectories(in directory: URL, warn: (String) -> Void = { _ in }) throws -> [URL] {
        let manager = FileManager.default
        let planURL = directory.appendingPathComponent("experiment.json")
        var names: [String]
        var planned = false
        if let data = manager.contents(atPath: planURL.path), let plan = try? JSONDecoder().decode(ExperimentRunner.Plan.self, from: data) {
            names = plan.conditions.map(\.name)
            planned = true
        } else {
            names = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        }
        var found: [URL] = []
        for url in names.map({ directory.appendingPathComponent($0) }) {
            if manager.fileExists(atPath: url.appendingPathComponent("transcript.jsonl").path) {
                found.append(url)
            } else if planned {
                warn("condition \(url.lastPathComponent) has not run yet (continue with `converge experiment --resume`); it is left out")
            }
        }
        guard !found.isEmpty else {
            throw ConvergeError(.io, "\(directory.path) holds no condition directories with a transcript.jsonl (run `converge experiment` first)")
        }
        return found
    }

    /// Reads (or, when missing or out of date, computes and writes) each condition's analysis, reads
    /// its `run.json` for pairing, sweep factors and generation settings, and compares them.
    /// - Parameters:
    ///   - directory: the experiment directory.
    ///   - detectors: detector settings; nil keeps each condition's saved ones (the calibrated defaults for a new analysis).
    ///   - control: compare each condition with this one only.
    ///   - escapeWithin: K of the branch conditions' escape share.
    ///   - embedder: opens the embedder, called only when an analysis must be computed.
    ///   - announce: told each condition whose analysis is computed now.
    ///   - warn: told each condition left out and each warning from loading a condition.
    /// - Throws: what loading or analysing a condition throws; `ConvergeError` for an unknown control.
    public static func load(
        _ directory: URL, detectors: ConvergenceDetectors?, control: String?, escapeWithin: Int = 5, embedder: () async throws -> any Embedder,
        announce: (String) -> Void, warn: (String) -> Void = { _ in }
    ) async throws -> Comparison {
        var inputs: [ConditionInput] = []
        var opened: (any Embedder)?
        for url in try conditionDirectories(in: directory, warn: warn) {
            let run = try RunDirectory.load(url)
            run.warnings.forEach { warn("\(run.name): \($0)") }
            let (analysis, computed) = try await RunAnalysis.prepare(run, detectors: detectors) {
                if let opened { return opened }
                let made = try await embedder()
                opened = made
                return made
            }
            if computed { announce(run.name) }
            inputs.append(ConditionInput(name: run.name, summary: analysis.summary, metrics: analysis.metrics, manifestText: run.manifestText))
        }
        if let control, !inputs.contains(where: { $0.name == control }) {
            throw ConvergeError(
                .invalidParameter, "--control \(control) is not a condition of \(directory.path) (have: \(inputs.map(\.name).joined(separator: ", ")))")
        }
        return Comparison(experiment: directory.standardizedFileURL.lastPathComponent, inputs: inputs, control: control, escapeWithin: escapeWithin)
    }
}
