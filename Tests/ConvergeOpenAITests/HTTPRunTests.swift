import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation
import Testing

/// Whole runs over HTTP against real `llama-server`s with the default models.
@Suite(.serialized, .timeLimit(.minutes(3)), .tags(.server))
struct HTTPRunTests {
    func configuration(spec: String, seeds: Int, turns: Int) throws -> RunConfiguration {
        var c = Preset.quick.configuration(seeds: Array(try SeedFile.bundled().prefix(seeds)))
        c.turns = turns
        c.maxTokens = 12
        c.modelA = spec
        c.modelB = spec
        return c
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("converge-http-\(UUID().uuidString)")
    }

    @Test func quickRunThroughTheCLIUsesTheKeyButNeverWritesIt() async throws {
        try await LlamaServer.with([DefaultModels.agentA, DefaultModels.agentB]) { servers in
            // The first connection is agent B's dialect probe; the second, its first turn, gets a 500.
            let proxy = try FaultProxy(upstream: servers[1].port, script: [.passThrough, .serverError])
            defer { proxy.stop() }
            let key = "sk-converge-\(UUID().uuidString)"
            let out = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try CLIRun.run(
                [
                    "run", "--seed-count", "2", "--turns", "4", "--max-tokens", "12", "--parallel", "2",
                    "--model-a", "openai:gemma@\(servers[0].url.absoluteString)#key=CONVERGE_TEST_KEY",
                    "--model-b", "openai:smol@\(proxy.url.absoluteString)#key=CONVERGE_TEST_KEY",
                    "--out", out.path,
                ], environment: ["CONVERGE_TEST_KEY": key])
            #expect(result.status == 0, "\(result.output)")
            let records = try TranscriptFile.read(out.appendingPathComponent("transcript.jsonl"))
            #expect(records.count == 8 && records.allSatisfy { $0.finishReason != .error })
            #expect(result.output.contains("retries 1"), "the progress line shows the retry: \(result.output)")
            #expect(proxy.requests.contains { $0.contains("Bearer \(key)") }, "the key reached the server")
            #expect(!result.output.contains(key))
            let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            #expect(files.count >= 2)
            for file in files {
                let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                #expect(!text.contains(key), "\(file.lastPathComponent) holds the key")
            }
            let manifest = try RunManifest.read(from: out.appendingPathComponent("run.json"))
            #expect(manifest.configuration.modelB.hasSuffix("#key=CONVERGE_TEST_KEY"))
        }
    }

    @Test func runCompletesWhenOneOfTwoEndpointsDies() async throws {
        try await LlamaServer.with([DefaultModels.agentB, DefaultModels.agentB], slots: 2) { servers in
            let spec = "openai:smol@\(servers[0].url.absoluteString),\(servers[1].url.absoluteString)#server=llama.cpp&concurrency=2"
            var c = try configuration(spec: spec, seeds: 4, turns: 4)
            c.parallel = 4
            let out = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let session = RunSession(configuration: c, output: out, resume: false, threads: 1, verbose: false, command: ["test"])
            let transcript = session.transcriptURL
            let victim = servers[0]
            let killer = Task {
                while (try? TranscriptFile.read(transcript).count) ?? 0 < 4 { try await Task.sleep(for: .milliseconds(50)) }
                victim.kill()
            }
            let outcome = try await session.run()
            try await killer.value
            #expect(!victim.process.isRunning)
            #expect(outcome.failedTurns == 0)
            let records = try TranscriptFile.read(transcript)
            #expect(records.count == 16 && records.allSatisfy { $0.finishReason != .error })
            let keys = records.map { [$0.conversation, $0.turn] }
            #expect(Set(keys).count == keys.count, "a turn was duplicated")
            for conversation in 0..<4 {
                #expect(records.filter { $0.conversation == conversation }.map(\.turn).sorted() == Array(1...4))
            }
        }
    }

    @Test func aTurnThatFailsForGoodIsRecordedAndResumeRetriesIt() async throws {
        try await LlamaServer.with([DefaultModels.agentB]) { servers in
            let proxy = try FaultProxy(upstream: servers[0].port, script: [.badRequest])
            defer { proxy.stop() }
            let c = try configuration(spec: "openai:smol@\(proxy.url.absoluteString)#server=llama.cpp", seeds: 1, turns: 2)
            let out = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let first = RunSession(configuration: c, output: out, resume: false, threads: 1, verbose: false, command: ["test"])
            #expect(try await first.run().failedTurns == 1)
            #expect(try TranscriptFile.read(first.transcriptURL).map(\.finishReason) == [.error])
            let resumed = RunSession(configuration: c, output: out, resume: true, threads: 1, verbose: false, command: ["test"])
            #expect(try await resumed.run().failedTurns == 0)
            let records = try TranscriptFile.read(resumed.transcriptURL)
            #expect(records.map(\.turn) == [1, 2] && records.allSatisfy { $0.finishReason != .error })
        }
    }

    @Test func mergedShardsEqualAnUnshardedRun() async throws {
        try await LlamaServer.with([DefaultModels.agentB]) { servers in
            let c = try configuration(spec: "openai:smol@\(servers[0].url.absoluteString)#server=llama.cpp", seeds: 3, turns: 3)
            let root = temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            func run(_ name: String, shard: Shard?) async throws -> URL {
                var session = RunSession(
                    configuration: c, output: root.appendingPathComponent(name), resume: false, threads: 1, verbose: false, command: ["test"]
                )
                session.shard = shard
                _ = try await session.run()
                return session.output
            }
            let whole = try await run("whole", shard: nil)
            let parts = [try await run("shard0", shard: try Shard(index: 0, count: 2)), try await run("shard1", shard: try Shard(index: 1, count: 2))]
            let merged = root.appendingPathComponent("merged")
            try RunMerge.merge(parts.reversed(), into: merged, command: ["test"])

            func turns(_ directory: URL) throws -> Set<String> {
                Set(
                    try TranscriptFile.read(directory.appendingPathComponent("transcript.jsonl")).map {
                        "\($0.conversation)/\($0.turn)/\($0.agent.rawValue)/\($0.finishReason.rawValue): \($0.text)"
                    })
            }
            #expect(try turns(merged) == turns(whole))
            #expect(try turns(merged).count == 9)
            let manifest = try RunManifest.read(from: merged.appendingPathComponent("run.json"))
            #expect(manifest.shard == nil && manifest.configuration == c)

            #expect(throws: ConvergeError.self, "a missing shard") { try RunMerge.merge([parts[0]], into: root.appendingPathComponent("m2"), command: []) }
            var altered = try RunManifest.read(from: parts[1].appendingPathComponent("run.json"))
            altered.configuration.sampler.temperature = 0.8
            try altered.write(to: parts[1].appendingPathComponent("run.json"))
            #expect(throws: ConvergeError.self, "a shard with other settings") {
                try RunMerge.merge(parts, into: root.appendingPathComponent("m3"), command: [])
            }
        }
    }
}
