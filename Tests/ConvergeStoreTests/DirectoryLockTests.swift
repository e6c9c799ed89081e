import ConvergeCore
import ConvergeStore
import Foundation
import Testing

/// `flock` conflicts between open file descriptions, not only between processes, so two locks in
/// one test process show the refusal a second `converge` would get.
@Suite struct DirectoryLockTests {
    @Test func secondLockIsRefusedWithOneLineNamingTheHolder() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try DirectoryLock(directory)
        #expect {
            try DirectoryLock(directory)
        } throws: { error in
            guard let error = error as? ConvergeError else { return false }
            return error.code == .lockHeld && error.code.exitStatus == ExitStatus.lockHeld
                && error.message.contains("pid \(getpid())") && error.message.contains(ProcessInfo.processInfo.hostName)
                && error.message.contains(directory.path) && !error.message.contains("\n")
        }
        withExtendedLifetime(first) {}
    }

    @Test func releasedWhenTheHolderGoesAway() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do { _ = try DirectoryLock(directory) }
        let again = try DirectoryLock(directory)
        #expect(DirectoryLock.readHolder(again.url)?.pid == getpid())
    }

    @Test func missingDirectoryIsAnIOError() {
        let directory = URL(fileURLWithPath: "/nonexistent/converge-lock-test")
        #expect { try DirectoryLock(directory) } throws: { ($0 as? ConvergeError)?.code == .io }
    }

    /// A run killed while loading its models leaves only its lock file; `--resume` then starts it
    /// (found by scripts/torture.sh: before, such a run could never be resumed). A directory that
    /// never held a run is still refused, so a mistyped `--out` does not start a run by accident.
    @Test func aRunKilledBeforeItRecordedAnythingResumesAsNew() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { try RunManifest.readForResume(directory) } throws: { ($0 as? ConvergeError)?.code == .resume }
        do { _ = try DirectoryLock(directory) }
        #expect(try RunManifest.readForResume(directory) == nil)
        try Data("{".utf8).write(to: directory.appendingPathComponent("transcript.jsonl"))
        #expect { try RunManifest.readForResume(directory) } throws: { ($0 as? ConvergeError)?.code == .resume }
    }
}
