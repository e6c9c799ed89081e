public import ConvergeCore
public import ConvergeDetection
public import Foundation

/// What `converge calibrate` does: loads the runs (analysing those without a current analysis),
/// joins their labels, fits both detectors on the fitting runs and scores the recommendation on
/// the held-out runs, if any.
public struct CalibrationWorkflow {
    /// Runs the fit uses.
    public var runs: [URL]
    /// Runs whose labels only score the recommended settings (docs/LABELLING.md's held-out check).
    public var evaluationRuns: [URL] = []
    /// Label files; empty means each run's own `labels.jsonl`.
    public var labelFiles: [URL] = []
    public var folds = 5

    public init(runs: [URL], evaluationRuns: [URL] = [], labelFiles: [URL] = [], folds: Int = 5) {
        self.runs = runs
        self.evaluationRuns = evaluationRuns
        self.labelFiles = labelFiles
        self.folds = folds
    }

    public struct Result {
        public var outcome: CalibrationOutcome
        /// The recommended settings, ready for a detector file.
        public var detectors: ConvergenceDetectors
        /// One line per label that was ignored, for the user.
        public var notes: [String]
    }

    /// - Parameter embedder: opens the embedder, called only where an analysis must be computed.
    /// - Throws: `ConvergeError` for a run, label file or label that cannot be used.
    public func run(embedder: () async throws -> any Embedder) async throws -> Result {
        let fitting = try await load(runs, embedder: embedder)
        let evaluation = try await load(evaluationRuns, embedder: embedder)
        let files = labelFiles.isEmpty ? (fitting + evaluation).map(\.run.labelsURL) : labelFiles
        let labelled = try files.flatMap { file in try LabelFile.read(file).map { (label: $0, file: file.path) } }
        let notes = try LabelledRuns.join(fitting + evaluation, labels: labelled).notes
        var outcome = try CalibrationOutcome(try LabelledRuns.join(fitting, labels: labelled).conversations, folds: folds)
        if !evaluation.isEmpty {
            outcome.evaluate(on: try LabelledRuns.join(evaluation, labels: labelled).conversations)
        }
        let labellers = Set(labelled.map { $0.label.labeller }).sorted()
        return Result(outcome: outcome, detectors: outcome.detectors(runs: fitting.map(\.run.name), labellers: labellers), notes: notes)
    }

    /// Each run with its metrics, analysing it first where the saved analysis is missing or stale.
    private func load(_ directories: [URL], embedder: () async throws -> any Embedder) async throws -> [(run: RunDirectory, metrics: [ConversationMetrics])] {
        var loaded: [(run: RunDirectory, metrics: [ConversationMetrics])] = []
        for directory in directories {
            let run = try RunDirectory.load(directory)
            loaded.append((run, try await RunAnalysis.prepare(run, detectors: nil, embedder: embedder).analysis.metrics))
        }
        return loaded
    }
}
