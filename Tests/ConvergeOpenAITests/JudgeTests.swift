import ConvergeCore
import ConvergeRun
import Foundation
import Testing

/// `converge judge` end to end: a real `llama-server` with the shipped SmolLM2-135M-Instruct judges
/// conversations of the calibration run, and the label file it writes is one `converge agreement`
/// reads against the AI readers' labels.
@Suite(.serialized, .timeLimit(.minutes(10)), .tags(.server))
struct JudgeTests {
    static var calibration: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/calibration/paper-seed1")
    }

    /// A run directory with the first `turns` turns of the first `count` conversations of the
    /// calibration run: short prompts, so a one-thread server on a busy machine answers in time.
    func smallRun(conversations count: Int, turns: Int) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-judge-\(UUID().uuidString)")
            .appendingPathComponent("paper-seed1")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lines = try String(contentsOf: Self.calibration.appendingPathComponent("transcript.jsonl"), encoding: .utf8)
            .split(separator: "\n").filter { line in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return ((object?["conversation"] as? Int) ?? count) < count && ((object?["turn"] as? Int) ?? turns + 1) <= turns
            }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("transcript.jsonl"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.calibration.appendingPathComponent("run.json"), to: directory.appendingPathComponent("run.json"))
        return directory
    }

    func labels(_ file: URL) throws -> [[String: Any]] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func judgeWritesLabelsThatAgreementReads() async throws {
        let server = try await LlamaServer(model: DefaultModels.agentB, contextPerSlot: 4096)
        defer { server.stop() }
        let run = try smallRun(conversations: 2, turns: 6)
        defer { try? FileManager.default.removeItem(at: run.deletingLastPathComponent()) }
        let out = run.appendingPathComponent("judge.jsonl")
        // One request at a time with a patient first byte: a one-slot server on CPU queues the rest.
        let spec = "openai:SmolLM2-135M-Instruct.Q4_1@\(server.url.absoluteString)#concurrency=1&ttfb=600"
        let first = try CLIRun.run(["judge", run.path, "--model", spec, "--out", out.path], environment: [:])
        #expect(first.status == 0, "\(first.output)")

        let written = try labels(out)
        let unanswered = first.output.contains("unanswered")
        #expect(!written.isEmpty && (written.count == 2 || unanswered), "\(first.output)")
        #expect(first.output.contains("\(written.count) judged"), "\(first.output)")
        for label in written {
            #expect(label["run"] as? String == "paper-seed1")
            #expect((label["conversation"] as? Int).map { (0..<2).contains($0) } == true)
            #expect(label["converged"] is Bool)
            let labeller = try #require(label["labeller"] as? String)
            #expect(labeller.hasPrefix("LLM judge (model SmolLM2-135M-Instruct.Q4_1 served at \(server.url.absoluteString)"), "\(labeller)")
            #expect(labeller.range(of: #"prompt sha256 [0-9a-f]{64}"#, options: .regularExpression) != nil, "\(labeller)")
        }

        // Run again: what is labelled stays, and only the unanswered are asked again.
        let second = try CLIRun.run(["judge", run.path, "--model", spec, "--out", out.path], environment: [:])
        #expect(second.status == 0 && second.output.contains("\(written.count) already labelled"), "\(second.output)")
        let afterSecond = try labels(out).count
        if !unanswered { #expect(second.output.hasPrefix("0 judged") && afterSecond == 2, "\(second.output)") }

        let agreement = try CLIRun.run(
            ["agreement", out.path, Self.calibration.appendingPathComponent("labels.jsonl").path, "--resamples", "50"], environment: [:])
        #expect(agreement.status == 0, "\(agreement.output)")
        #expect(agreement.output.contains("Conversations labelled in both: \(written.count) ") && agreement.output.contains("Labellers: LLM judge"))

        // One file must not mix labellers: the readers' file is refused before any conversation is judged.
        let readers = run.appendingPathComponent("readers.jsonl")
        try FileManager.default.copyItem(at: Self.calibration.appendingPathComponent("labels.jsonl"), to: readers)
        let mixed = try CLIRun.run(["judge", run.path, "--model", spec, "--out", readers.path], environment: [:])
        #expect(mixed.status == ExitStatus.badInput && mixed.output.contains("already holds labels"), "\(mixed.output)")
    }

    @Test func aModelThatIsNotAServerIsRefusedInOneLine() throws {
        let result = try CLIRun.run(["judge", Self.calibration.path, "--model", "gemma"], environment: [:])
        #expect(result.status == ExitStatus.badInput)
        #expect(result.output.split(separator: "\n").count == 1 && result.output.contains("--model must be a server"), "\(result.output)")
    }
}
