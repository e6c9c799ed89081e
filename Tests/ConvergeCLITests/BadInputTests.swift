import Foundation
import Testing

/// Each bad input gets one line on stderr and a non-zero exit, never a crash or a hang.
extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(4))) struct BadInputTests {
        /// A tiny run, so a check that wrongly passes still ends fast.
        private func tiny(_ out: URL, _ extra: [String]) -> [String] {
            ["run", "--preset", "quick", "--seed-count", "1", "--turns", "1", "--max-tokens", "2", "--threads", "1", "--out", out.path] + extra
        }

        private func expectOneLineFailure(_ arguments: [String], mentioning fragment: String) async throws {
            let result = try await converge(arguments, timeout: 120)
            #expect(result.reason == .exit, "converge crashed: \(result.stderr)")
            #expect(result.status != 0)
            #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
            let line = String(result.stderrLines.first ?? "")
            #expect(line.hasPrefix("converge: "), "\(line)")
            #expect(line.contains(fragment), "\(line) does not mention \(fragment)")
        }

        @Test(arguments: [
            (["--temperature=-1"], "temperature"),
            (["--top-p", "0"], "top-p"),
            (["--top-p", "1.5"], "top-p"),
            (["--turns", "0"], "turns"),
            (["--max-tokens", "0"], "max tokens"),
            (["--seed-count", "0"], "seed count"),
            (["--seed-count", "51"], "51"),
            (["--history", "last-0"], "history"),
            (["--prompt-mode", "sideways"], "sideways"),
            (["--model-a", "weird:thing"], "weird"),
            (["--temperature", "inf"], "temperature"),
            (["--presence-penalty", "nan"], "presence penalty"),
            (["--dry-base", "inf"], "DRY base"),
            (["--threads", "99999999999"], "threads"),
            (["--max-tokens", "9223372036854775807"], "max tokens"),
            (["--context", "9223372036854775807"], "context"),
            (["--context", "16777216", "--parallel", "1000"], "× parallel"),
            (["--turns", "many"], "many"),
            (["--rng-seed", "1.5"], "1.5"),
            (["--model-b", "openai:m@http://127.0.0.1:9#ttfb=inf"], "ttfb"),
            (["--model-b", "openai:m@http://127.0.0.1:9#timeout=1e30"], "timeout"),
            (["--model-b", "openai:m@http://127.0.0.1:9#retries=1e19"], "retries"),
            (["--model-b", "openai:m@http://127.0.0.1:9#concurrency=inf"], "concurrency"),
        ])
        func invalidParameter(extra: [String], fragment: String) async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            try await expectOneLineFailure(tiny(out.appendingPathComponent("run"), extra), mentioning: fragment)
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("run/transcript.jsonl").path))
        }

        @Test func unknownPreset() async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            try await expectOneLineFailure(["run", "--preset", "enormous", "--out", out.path], mentioning: "enormous")
        }

        @Test func missingModelFile() async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            try await expectOneLineFailure(tiny(out.appendingPathComponent("run"), ["--model-a", "/nonexistent.gguf"]), mentioning: "/nonexistent.gguf")
        }

        @Test(arguments: ["not-gguf", "garbage", "truncated", "2^60 tensors"])
        func corruptModelFile(kind: String) async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            let model = out.appendingPathComponent("\(kind).gguf")
            switch kind {
            case "not-gguf": try Data("plain text\n".utf8).write(to: model)
            case "garbage": try (Data("GGUF".utf8) + Data(repeating: 0xAB, count: 8192)).write(to: model)
            case "2^60 tensors":
                var header = Data("GGUF".utf8)
                for (value, width) in [(UInt64(3), 4), (UInt64(1) << 60, 8), (UInt64(0), 8)] {
                    withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0.prefix(width)) }
                }
                try (header + Data(count: 4096)).write(to: model)
            default:
                let source = try FileHandle(forReadingFrom: CLIModels.smol)
                try (source.read(upToCount: 1 << 20) ?? Data()).write(to: model)
                try source.close()
            }
            try await expectOneLineFailure(tiny(out.appendingPathComponent("run"), ["--model-b", model.path]), mentioning: model.path)
        }

        @Test(arguments: ["empty", "comments", "missing", "directory", "binary"])
        func badSeedsFile(kind: String) async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            var seeds = out.appendingPathComponent("seeds.txt")
            switch kind {
            case "empty": try Data().write(to: seeds)
            case "comments": try Data("# nothing\n\n   \n# here\n".utf8).write(to: seeds)
            case "missing": break
            case "directory": seeds = out
            default: try Data([0xC3, 0x28, 0xFF, 0xFE]).write(to: seeds)
            }
            try await expectOneLineFailure(
                ["run", "--seeds", seeds.path, "--turns", "1", "--max-tokens", "2", "--threads", "1", "--out", out.appendingPathComponent("run").path],
                mentioning: seeds.path
            )
        }

        @Test func resumeWithoutARun() async throws {
            let out = try temporaryDirectory("bad")
            defer { try? FileManager.default.removeItem(at: out) }
            try await expectOneLineFailure(["run", "--resume", "--out", out.path], mentioning: out.path)
            try await expectOneLineFailure(["run", "--resume"], mentioning: "--out")
        }

        @Test func existingRunWithoutResume() async throws {
            let out = try await QuickRun.reference.value
            let before = try Data(contentsOf: out.appendingPathComponent("transcript.jsonl"))
            try await expectOneLineFailure(QuickRun.arguments(out: out), mentioning: "--resume")
            #expect(try Data(contentsOf: out.appendingPathComponent("transcript.jsonl")) == before)
        }

        @Test func resumeRejectsChangedSettings() async throws {
            let out = try await QuickRun.reference.value
            try await expectOneLineFailure(["run", "--resume", "--turns", "9", "--out", out.path], mentioning: "turns")
        }

        @Test func seedLongerThanTheContextIsTruncatedNotAnError() async throws {
            let out = try temporaryDirectory("long")
            defer { try? FileManager.default.removeItem(at: out) }
            let seeds = out.appendingPathComponent("seeds.txt")
            try ((1...600).map { "word\($0)" }.joined(separator: " ") + "\n").write(to: seeds, atomically: true, encoding: .utf8)
            let run = out.appendingPathComponent("run")
            let result = try await converge([
                "run", "--seeds", seeds.path, "--turns", "1", "--max-tokens", "4", "--context", "256", "--threads", "1", "--out", run.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try Transcript.read(run)
            #expect(lines.count == 1)
            #expect(lines.first.map { $0.promptTokens <= 256 - 4 && $0.promptTokens > 100 } == true, "\(lines)")
        }
    }
}

enum CLIModels {
    static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["CONVERGE_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache).appendingPathComponent("models") }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("converge/models") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/converge/models")
    }
    static let smol = directory.appendingPathComponent("SmolLM2-135M-Instruct.Q4_1-b179c952.gguf")
}
