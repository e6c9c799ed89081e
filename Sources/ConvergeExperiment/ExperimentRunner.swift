import ConvergeCore
public import ConvergeRun
public import ConvergeStore
public import Foundation

/// Runs every condition of an experiment into `DIR/<condition>/` as a normal run (`RunSession`):
/// resumable, batched and shardable as single runs are.
///
/// `DIR/experiment.yaml` keeps the file as run, and `DIR/experiment.json` the expanded conditions;
/// a resumed experiment must be given the same file.
public struct ExperimentRunner: Sendable {
    public var experiment: ExperimentFile
    public var output: URL
    public var resume: Bool
    /// Each condition runs only this part of its conversations; `converge merge` joins the parts.
    public var shard: Shard?
    public var threads: Int
    /// Why `threads` is what it is; each condition's run.json keeps it.
    public var threadsReason = "--threads"
    public var verbose: Bool
    public var command: [String]

    public init(experiment: ExperimentFile, output: URL, resume: Bool, shard: Shard?, threads: Int, verbose: Bool, command: [String]) {
        self.experiment = experiment
        self.output = output
        self.resume = resume
        self.shard = shard
        self.threads = threads
        self.verbose = verbose
        self.command = command
    }

    public var planURL: URL { output.appendingPathComponent("experiment.json") }
    public var fileURL: URL { output.appendingPathComponent("experiment.yaml") }

    /// The saved plan: the experiment's name and its expanded conditions.
    public struct Plan: Codable, Sendable, Equatable {
        public var name: String
        public var description: String
        public var conditions: [ExperimentCondition]
    }

    /// Runs every condition in order.
    /// - Parameter announce: told the name of each condition as it starts.
    /// - Returns: each condition's outcome, in order.
    /// - Throws: `ConvergeError`; `CancellationError` when interrupted, after finished turns are saved.
    public func run(announce: (ExperimentCondition, Int) -> Void) async throws -> [RunSession.Outcome] {
        try prepare()
        var outcomes: [RunSession.Outcome] = []
        for (index, condition) in experiment.conditions.enumerated() {
            try Task.checkCancellation()
            announce(condition, index)
            var session = RunSession(
                configuration: condition.configuration, output: output.appendingPathComponent(condition.name),
                resume: resume, threads: threads, verbose: verbose, command: command)
            session.threadsReason = threadsReason
            session.shard = try ShardOption.resolve(shard?.description, resume: resume, manifest: session.manifestURL)
            outcomes.append(try await session.run())
        }
        return outcomes
    }

    /// Creates the directory and saves the file, or checks that a resumed one holds the same file.
    private func prepare() throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: fileURL.path) {
            guard resume else {
                throw ConvergeError(.io, "\(output.path) already holds an experiment; pass --resume to continue it, or choose another --out")
            }
            let saved = (try? String(contentsOf: fileURL, encoding: .utf8)) ?? ""
            guard saved == experiment.text else {
                throw ConvergeError(.resume, "the experiment file differs from \(fileURL.path), the one this experiment started with; resume with that file")
            }
            return
        }
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
            try Data(experiment.text.utf8).write(to: fileURL, options: .atomic)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let plan = Plan(name: experiment.name, description: experiment.description, conditions: experiment.conditions)
            try encoder.encode(plan).write(to: planURL, options: .atomic)
        } catch {
            throw ConvergeError(.io, "cannot write the experiment into \(output.path): \(error.localizedDescription)")
        }
    }
}
