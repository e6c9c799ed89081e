import ConvergeCore
import ConvergeExperiment
import ConvergeStore
import Foundation
import Testing

/// An experiment directory in use by another writer is refused before anything in it is touched.
@Suite struct ExperimentLockTests {
    @Test func experimentOnALockedDirectoryIsRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-exp-lock-\(UUID())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try ExperimentFile(text: "name: t\npreset: quick\nseed_count: 1\nbase: {turns: 1}\n", source: "t.yaml", directory: directory)
        let runner = ExperimentRunner(experiment: file, output: directory, resume: false, shard: nil, threads: 1, verbose: false, command: ["converge"])
        let held = try DirectoryLock(directory)
        await #expect {
            _ = try await runner.run { _, _ in }
        } throws: { ($0 as? ConvergeError)?.code == .lockHeld }
        #expect(!FileManager.default.fileExists(atPath: runner.fileURL.path))
        withExtendedLifetime(held) {}
    }
}
