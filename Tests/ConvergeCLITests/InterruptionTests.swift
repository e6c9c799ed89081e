import Foundation
import Testing

extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(6))) struct InterruptionTests {
        /// Starts a run and waits until the transcript holds at least one complete line.
        private func startAndWaitForFirstTurn(out: URL, extra: [String] = []) async throws -> ConvergeProcess {
            let process = try ConvergeProcess(QuickRun.arguments(out: out, extra: extra))
            let deadline = Date().addingTimeInterval(180)
            while Transcript.lineCount(out) < 1, process.process.isRunning, Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            return process
        }

        private func appendPartialLine(_ out: URL) throws {
            let handle = try FileHandle(forWritingTo: out.appendingPathComponent("transcript.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"agent":"B","conversation":1,"finish_reason":"len"#.utf8))
            try handle.close()
        }

        /// Resumes a run and checks it ends complete, with the texts of the uninterrupted run.
        private func resumeAndExpectReference(_ out: URL, reference: [TranscriptLine]) async throws {
            let resumed = try await converge(["run", "--resume", "--threads", "1", "--out", out.path])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let lines = try Transcript.read(out)
            Transcript.expectComplete(lines, conversations: QuickRun.conversations, turns: QuickRun.turns, maxTokens: QuickRun.maxTokens)
            #expect(Transcript.texts(lines) == Transcript.texts(reference))
        }

        @Test func sigkillThenResumeEndsCompleteWithoutDuplicates() async throws {
            let reference = try await QuickRun.referenceLines()
            let out = try temporaryDirectory("kill")
            defer { try? FileManager.default.removeItem(at: out) }
            let process = try await startAndWaitForFirstTurn(out: out)
            process.signal(SIGKILL)
            let killed = try await process.finish()
            #expect(killed.reason == .uncaughtSignal)
            let written = Transcript.lineCount(out)
            #expect(written >= 1)
            #expect(written < QuickRun.conversations * QuickRun.turns, "the run finished before it could be killed")
            try appendPartialLine(out)  // as if killed in the middle of a write
            try await resumeAndExpectReference(out, reference: reference)
        }

        @Test func sigintExitsWithOneLineAndResumeCompletes() async throws {
            let reference = try await QuickRun.referenceLines()
            let out = try temporaryDirectory("sigint")
            defer { try? FileManager.default.removeItem(at: out) }
            let process = try await startAndWaitForFirstTurn(out: out)
            process.signal(SIGINT)
            let interrupted = try await process.finish(timeout: 60)
            #expect(interrupted.reason == .exit)
            #expect(interrupted.status != 0)
            let messages = interrupted.stderrLines.filter { $0.hasPrefix("converge:") }
            #expect(messages.count == 1, "\(interrupted.stderr)")
            #expect(interrupted.stderrLines.last.map { $0.hasPrefix("converge:") } == true, "\(interrupted.stderr)")
            #expect(!interrupted.stderr.contains("Fatal error") && !interrupted.stderr.contains("Stack dump"))
            try await resumeAndExpectReference(out, reference: reference)
        }

        @Test func resumeAtAnotherWidthRepeatsTheUninterruptedRun() async throws {
            let reference = try await QuickRun.referenceLines()
            let out = try temporaryDirectory("parallel")
            defer { try? FileManager.default.removeItem(at: out) }
            let process = try await startAndWaitForFirstTurn(out: out, extra: ["--parallel", "2"])
            process.signal(SIGKILL)
            _ = try await process.finish()
            #expect(Transcript.lineCount(out) >= 1)
            try appendPartialLine(out)
            let resumed = try await converge(["run", "--resume", "--parallel", "1", "--threads", "1", "--out", out.path])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let lines = try Transcript.read(out)
            Transcript.expectComplete(lines, conversations: QuickRun.conversations, turns: QuickRun.turns, maxTokens: QuickRun.maxTokens)
            #expect(Transcript.texts(lines) == Transcript.texts(reference))
        }
    }
}
