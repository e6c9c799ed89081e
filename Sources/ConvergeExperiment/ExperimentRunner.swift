public import ConvergeCore
import ConvergeDetection
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
    /// `--schedule` for every condition; nil lets each run choose.
    public var schedule: EngineSchedule?
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
        /// The sha256 of each detector file the conditions read, by path; nil in plans saved before
        /// it was recorded.
        public var detectorFiles: [String: String]?
        /// The part of each condition this directory runs; nil for all of it (or an older plan).
        public var shard: Shard?
    }

    /// Runs every condition in order.
    /// - Parameter announce: told the name of each condition as it starts.
    /// - Returns: each condition's outcome, in order.
    /// - Throws: `ConvergeError`; `CancellationError` when interrupted, after finished turns are saved.
    public func run(announce: (ExperimentCondition, Int) -> Void) async throws -> [RunSession.Outcome] {
        let lock = try prepare()
        defer { withExtendedLifetime(lock) {} }
        let shard = try resolvedShard()
        var outcomes: [RunSession.Outcome] = []
        for (index, condition) in experiment.conditions.enumerated() {
            try Task.checkCancellation()
            announce(condition, index)
            var session = try session(for: condition)
            // An unstarted condition has no run.json to recall its shard from, so the experiment's
            // own record decides it.
            session.threadsReason = threadsReason
            session.schedule = schedule
            session.shard = try ShardOption.resolve(shard?.description, resume: resume, manifest: session.manifestURL)
            outcomes.append(try await session.run())
        }
        return outcomes
    }

    /// The run of one condition; a branch condition's starts from its parent's conversations that
    /// loop at its turn, unless it already started (its run.json then says what it branches).
    private func session(for condition: ExperimentCondition) throws -> RunSession {
        let directory = output.appendingPathComponent(condition.name)
        let started = FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.json").path)
        guard let branch = condition.branch, !(resume && started) else {
            return RunSession(
                configuration: condition.configuration, output: directory, resume: resume, threads: threads, verbose: verbose, command: command)
        }
        let start = try BranchStart(
            parent: output.appendingPathComponent(branch.from), loopingAtTurn: branch.loopingAtTurn, configuration: condition.configuration,
            detector: ConvergenceDetectors.calibrated.loop)
        return start.session(output: directory, resume: resume, threads: threads, verbose: verbose, command: command)
    }

    /// Creates and locks the directory, then saves the file, or checks that a resumed one holds the
    /// same file. A resumed experiment killed between saving the file and its plan saves the plan.
    /// - Returns: the lock, held until the experiment ends.
    func prepare() throws -> DirectoryLock {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ConvergeError(.io, "cannot create \(output.path): \(error.localizedDescription)", value: output.path, underlying: error)
        }
        let lock = try DirectoryLock(output)
        if manager.fileExists(atPath: fileURL.path) {
            guard resume else {
                throw ConvergeError(
                    .resume, "\(output.path) already holds an experiment; pass --resume to continue it, or choose another --out", value: output.path)
            }
            let saved = (try? String(contentsOf: fileURL, encoding: .utf8)) ?? ""
            guard saved == experiment.text else {
                throw ConvergeError(.resume, "the experiment file differs from \(fileURL.path), the one this experiment started with; resume with that file")
            }
            try checkInputsUnchanged()
            if !manager.fileExists(atPath: planURL.path) { try save(includingFile: false) }
            return lock
        }
        try save(includingFile: true)
        return lock
    }

    /// Writes `experiment.yaml` (unless told not to) and `experiment.json`.
    private func save(includingFile: Bool) throws {
        let detectorFiles = try detectorFileDigests()
        do {
            if includingFile { try Data(experiment.text.utf8).write(to: fileURL, options: .atomic) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let plan = Plan(
                name: experiment.name, description: experiment.description, conditions: experiment.conditions,
                detectorFiles: detectorFiles, shard: shard)
            try encoder.encode(plan).write(to: planURL, options: .atomic)
        } catch {
            throw ConvergeError(.io, "cannot write the experiment into \(output.path): \(error.localizedDescription)", value: output.path, underlying: error)
        }
    }
}
