import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation
import Testing

/// A turn that a server has answered is on disk before the slowest request of its batch returns,
/// so a SIGKILL loses at most the requests in flight, and `--resume` makes only those again.
@Suite(.serialized, .timeLimit(.minutes(3)), .tags(.server))
struct TurnStreamingTests {
    @Test func finishedTurnsAreWrittenWhileOneRequestHangsAndSurviveAKill() async throws {
        try await LlamaServer.with([DefaultModels.agentB], slots: 3) { servers in
            // Agent A's first request hangs (the spec names its dialect, so nothing probes first);
            // a timeout longer than the hang keeps the client from retrying it meanwhile. Lockstep
            // sends all three first turns to A in one batch (pipelined would hold one back a round).
            let proxy = try FaultProxy(upstream: servers[0].port, script: [.hang])
            defer { proxy.stop() }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("converge-stream-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            let arguments = [
                "run", "--seed-count", "3", "--turns", "2", "--max-tokens", "12", "--parallel", "3",
                "--model-a", "openai:smol@\(proxy.url.absoluteString)#server=llama.cpp&timeout=120",
                "--model-b", "openai:smol@\(servers[0].url.absoluteString)#server=llama.cpp",
                "--schedule", "lockstep", "--out", out.path,
            ]
            let transcript = out.appendingPathComponent("transcript.jsonl")
            let process = Process()
            process.executableURL = try CLIRun.binary()
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

            // The proxy holds the hung connection for 30 s; the other two turns take a few.
            let deadline = Date().addingTimeInterval(25)
            while Date() < deadline, (try? TranscriptFile.read(transcript).count) ?? 0 < 2 {
                try await Task.sleep(for: .milliseconds(100))
            }
            let beforeKill = try TranscriptFile.read(transcript)
            #expect(proxy.connections == 3, "the hung request was given up or retried: \(proxy.connections) connections")
            #expect(process.isRunning, "the run ended although one request still hangs")
            #expect(
                beforeKill.count == 2 && beforeKill.allSatisfy { $0.turn == 1 && $0.finishReason != .error },
                "finished turns were not on disk while a request of their batch hung: \(beforeKill.map { [$0.conversation, $0.turn] })")

            kill(process.processIdentifier, SIGKILL)
            for _ in 0..<500 where process.isRunning { usleep(10_000) }
            let resumed = try CLIRun.run(arguments + ["--resume"], environment: [:])
            #expect(resumed.status == 0, "\(resumed.output)")
            let records = try TranscriptFile.read(transcript)
            #expect(Array(records.prefix(beforeKill.count)) == beforeKill, "a turn written before the kill was lost or rewritten")
            let keys = records.map { [$0.conversation, $0.turn] }
            #expect(Set(keys).count == keys.count, "a turn was duplicated: \(keys)")
            #expect(Set(keys) == Set((0..<3).flatMap { c in [[c, 1], [c, 2]] }), "a turn is missing: \(keys)")
        }
    }
}
