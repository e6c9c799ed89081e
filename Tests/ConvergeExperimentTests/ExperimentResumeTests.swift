import ConvergeCore
import ConvergeStore
import Foundation
import Testing

@testable import ConvergeExperiment

/// An experiment resume refuses inputs that changed since it started, before any model loads.
@Suite struct ExperimentResumeTests {
    private func runner(_ directory: URL, seeds: String) throws -> ExperimentRunner {
        try seeds.write(to: directory.appendingPathComponent("seeds.txt"), atomically: true, encoding: .utf8)
        let text = "name: t\npreset: quick\nseed_count: 1\nseed_file: seeds.txt\nbase: {turns: 1, max_tokens: 1, parallel: 1}\n"
        let file = try ExperimentFile(text: text, source: "t.yaml", directory: directory)
        return ExperimentRunner(
            experiment: file, output: directory.appendingPathComponent("out"), resume: true, shard: nil, threads: 1,
            verbose: false, command: ["converge"])
    }

    @Test func changedSeedFileIsRefusedByName() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-exp-resume-\(UUID())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = try runner(directory, seeds: "The first seed.\n")
        try FileManager.default.createDirectory(at: original.output, withIntermediateDirectories: true)
        try Data(original.experiment.text.utf8).write(to: original.fileURL)
        let plan = ExperimentRunner.Plan(name: "t", description: "", conditions: original.experiment.conditions, detectorFiles: [:], shard: nil)
        try JSONEncoder().encode(plan).write(to: original.planURL)
        let changed = try runner(directory, seeds: "Another seed entirely.\n")
        await #expect {
            _ = try await changed.run { _, _ in }
        } throws: { error in
            guard let error = error as? ConvergeError else { return false }
            return error.code == .resume && error.message.contains("'seeds'") && error.message.contains("base")
                && !error.message.contains("\n")
        }
    }

    /// Killed after saving `experiment.yaml` but before `experiment.json`: the resume saves the plan.
    @Test func resumeSavesAMissingPlan() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-exp-plan-\(UUID())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let runner = try runner(directory, seeds: "A seed.\n")
        try FileManager.default.createDirectory(at: runner.output, withIntermediateDirectories: true)
        try Data(runner.experiment.text.utf8).write(to: runner.fileURL)
        let lock = try runner.prepare()
        withExtendedLifetime(lock) {}
        let plan = try JSONDecoder().decode(ExperimentRunner.Plan.self, from: Data(contentsOf: runner.planURL))
        #expect(plan.name == "t" && plan.conditions == runner.experiment.conditions)
    }

    @Test func resumeWithoutShardKeepsTheRecordedShard() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-exp-shard-\(UUID())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let runner = try runner(directory, seeds: "A seed.\n")
        try FileManager.default.createDirectory(at: runner.output, withIntermediateDirectories: true)
        let recorded = try Shard(parsing: "1/3")
        let plan = ExperimentRunner.Plan(name: "t", description: "", conditions: runner.experiment.conditions, detectorFiles: [:], shard: recorded)
        try JSONEncoder().encode(plan).write(to: runner.planURL)
        #expect(try runner.resolvedShard() == recorded)
        var contradicting = runner
        contradicting.shard = try Shard(parsing: "0/3")
        #expect(throws: ConvergeError.self) { try contradicting.resolvedShard() }
    }
}

/// `compare` says which planned conditions it leaves out, instead of dropping them silently.
@Suite struct ComparisonCoverageTests {
    @Test func conditionsThatNeverRanAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-compare-\(UUID())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["ran", "pending"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try Data().write(to: directory.appendingPathComponent("ran/transcript.jsonl"))
        let conditions = ["ran", "pending"].map { ExperimentCondition(name: $0, configuration: RunConfiguration()) }
        let plan = ExperimentRunner.Plan(name: "t", description: "", conditions: conditions, detectorFiles: [:], shard: nil)
        try JSONEncoder().encode(plan).write(to: directory.appendingPathComponent("experiment.json"))
        var warnings: [String] = []
        let found = try Comparison.conditionDirectories(in: directory) { warnings.append($0) }
        #expect(found.map(\.lastPathComponent) == ["ran"])
        #expect(warnings.count == 1 && warnings[0].contains("pending") && warnings[0].contains("--resume"), "\(warnings)")
    }
}
