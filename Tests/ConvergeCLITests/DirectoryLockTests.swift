import Foundation
import Testing

extension CLIRuns {
    /// Two writers on one run directory: one runs, the other is refused at once, naming the first.
    @Suite(.serialized, .timeLimit(.minutes(4))) struct DirectoryLockTests {
        @Test func twoConcurrentRunsLeaveOneWriterAndOneRefusal() async throws {
            let out = try temporaryDirectory("lock")
            defer { try? FileManager.default.removeItem(at: out) }
            let first = try ConvergeProcess(QuickRun.arguments(out: out))
            let second = try ConvergeProcess(QuickRun.arguments(out: out))
            let results = [try await first.finish(), try await second.finish()]
            let winners = results.filter { $0.status == 0 }
            let refusals = results.filter { $0.status == 75 }
            #expect(winners.count == 1 && refusals.count == 1, "\(results.map { ($0.status, $0.stderr) })")
            let refusal = try #require(refusals.first)
            #expect(refusal.stderrLines.count == 1, "\(refusal.stderr)")
            let line = String(refusal.stderrLines.first ?? "")
            let holder = [first, second].map(\.process.processIdentifier).first { line.contains("pid \($0) ") }
            #expect(holder != nil && line.contains(ProcessInfo.processInfo.hostName) && line.contains(" since "), "\(line)")
            Transcript.expectComplete(try Transcript.read(out), conversations: QuickRun.conversations, turns: QuickRun.turns, maxTokens: QuickRun.maxTokens)
        }

        @Test func resumeOfARunBeingWrittenIsRefused() async throws {
            let out = try temporaryDirectory("lock-resume")
            defer { try? FileManager.default.removeItem(at: out) }
            let writer = try ConvergeProcess(QuickRun.arguments(out: out))
            // Wait until the writer holds the lock and has recorded itself in it.
            let lockFile = out.appendingPathComponent(".converge.lock")
            while ((try? Data(contentsOf: lockFile)) ?? Data()).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            let resume = try await converge(QuickRun.arguments(out: out, extra: ["--resume"]))
            #expect(resume.status == 75 && resume.stderrLines.count == 1, "\(resume.status) \(resume.stderr)")
            #expect(resume.stderr.contains("pid \(writer.process.processIdentifier) "), "\(resume.stderr)")
            #expect(try await writer.finish().status == 0)
        }
    }
}
