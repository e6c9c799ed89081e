import Foundation
import Testing

extension CLIRuns {
    /// The exit statuses of the README's table, each from a real run.
    @Suite(.serialized, .timeLimit(.minutes(4))) struct ExitStatusTests {
        @Test func failedConversationsExitWithThree() async throws {
            let out = try temporaryDirectory("failed")
            defer { try? FileManager.default.removeItem(at: out) }
            // Nothing listens on port 9 (discard): every request to agent B fails at once, for good.
            let result = try await converge([
                "run", "--preset", "quick", "--seed-count", "1", "--turns", "2", "--max-tokens", "2", "--threads", "1",
                "--model-b", "openai:m@http://127.0.0.1:9#server=openai&retries=0&timeout=2", "--out", out.path,
            ])
            #expect(result.reason == .exit && result.status == 3, "\(result.status) \(result.stderr)")
            #expect(result.stderr.contains("--resume retries them"), "\(result.stderr)")
        }

        @Test func sameCommandWithResumeAppendedContinuesAndIsRecorded() async throws {
            let reference = try await QuickRun.reference.value
            let out = try temporaryDirectory("resume-same")
            defer { try? FileManager.default.removeItem(at: out) }
            for name in ["transcript.jsonl", "run.json"] {
                try FileManager.default.copyItem(at: reference.appendingPathComponent(name), to: out.appendingPathComponent(name))
            }
            let result = try await converge(QuickRun.arguments(out: out, extra: ["--resume"]))
            #expect(result.status == 0, "\(result.stderr)")
            let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any])
            let resumes = try #require(run["resumes"] as? [[String: Any]])
            #expect(resumes.count == 1 && (resumes.first?["command"] as? [String])?.contains("--resume") == true)
            #expect(resumes.first?["tool_version"] as? String == run["tool_version"] as? String)
        }

        @Test func resumeRefusesARecordedModelThatChanged() async throws {
            let reference = try await QuickRun.reference.value
            let out = try temporaryDirectory("resume-sha")
            defer { try? FileManager.default.removeItem(at: out) }
            try FileManager.default.copyItem(at: reference.appendingPathComponent("transcript.jsonl"), to: out.appendingPathComponent("transcript.jsonl"))
            let manifest = try String(contentsOf: reference.appendingPathComponent("run.json"), encoding: .utf8)
                .replacingOccurrences(of: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", with: String(repeating: "0", count: 64))
            try manifest.write(to: out.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
            let result = try await converge(["run", "--resume", "--threads", "1", "--out", out.path])
            #expect(result.status == 64 && result.stderrLines.count == 1, "\(result.status) \(result.stderr)")
            #expect(result.stderr.contains("sha256") && result.stderr.contains("b179c952"), "\(result.stderr)")
        }

        @Test func aClosedStandardErrorDoesNotCrash() async throws {
            guard let binary = ConvergeBinary.url, let full = FileHandle(forWritingAtPath: "/dev/full") else {
                Issue.record("needs the built converge and /dev/full")
                return
            }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "--turns", "0", "--out", FileManager.default.temporaryDirectory.appendingPathComponent("converge-full-\(UUID())").path]
            process.standardError = full
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 64)
        }

        @Test func reportThatCannotBeWrittenNamesThePath() async throws {
            let reference = try await QuickRun.reference.value
            let out = try temporaryDirectory("report-blocked")
            defer { try? FileManager.default.removeItem(at: out) }
            for name in ["transcript.jsonl", "run.json"] {
                try FileManager.default.copyItem(at: reference.appendingPathComponent(name), to: out.appendingPathComponent(name))
            }
            // A directory where the report file must go: unwritable even for root, unlike a chmod.
            let blocked = out.appendingPathComponent("report.html")
            try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
            let result = try await converge(["report", out.path, "--threads", "1"])
            #expect(result.reason == .exit && result.status == 74, "\(result.status) \(result.stderr)")
            #expect(result.stderrLines.last?.contains(blocked.path) == true, "\(result.stderr)")
            #expect(!result.stderr.contains("ReportError"))
        }
    }
}
