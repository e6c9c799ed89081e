import Foundation
import Testing

extension CLIRuns {
    @Suite(.serialized, .timeLimit(.minutes(5))) struct RunContractTests {
        @Test func transcriptHasEveryFieldAlternatesAndNamesTwoModels() async throws {
            let lines = try await QuickRun.referenceLines()
            Transcript.expectComplete(lines, conversations: QuickRun.conversations, turns: QuickRun.turns, maxTokens: QuickRun.maxTokens)
            let aModels = Set(lines.filter { $0.agent == "A" }.map(\.model))
            let bModels = Set(lines.filter { $0.agent == "B" }.map(\.model))
            #expect(aModels.count == 1 && bModels.count == 1)
            #expect(aModels != bModels, "the two agents must be named distinctly")
            let empty = lines.filter { $0.text.allSatisfy(\.isWhitespace) }.count
            #expect(empty * 4 <= lines.count, "\(empty) of \(lines.count) turns are empty")
        }

        @Test func runJSONHoldsFullProvenance() async throws {
            let out = try await QuickRun.reference.value
            let data = try Data(contentsOf: out.appendingPathComponent("run.json"))
            let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((run["tool_version"] as? String)?.isEmpty == false)
            #expect(run["llama_cpp_commit"] as? String == "0c1e570")
            #expect(run["created_at"] is String)
            let models = try #require(run["models"] as? [[String: Any]])
            #expect(models.count == 2)
            for model in models {
                let sha = model["sha256"] as? String ?? ""
                #expect(sha.count == 64 && sha.allSatisfy(\.isHexDigit), "sha256 \(sha)")
                #expect((model["bytes"] as? Int ?? 0) > 1_000_000)
                #expect((model["path"] as? String)?.hasSuffix(".gguf") == true)
            }
            let shas = Set(models.compactMap { $0["sha256"] as? String })
            #expect(shas.contains("a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"))
            #expect(shas.contains("b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"))
            let configuration = try #require(run["configuration"] as? [String: Any])
            #expect(configuration["turns"] as? Int == QuickRun.turns)
            #expect(configuration["max_tokens"] as? Int == QuickRun.maxTokens)
            #expect(configuration["rng_seed"] as? Int == 7)
            #expect(configuration["preset"] as? String == "quick")
            #expect((configuration["seeds"] as? [String])?.count == QuickRun.conversations)
            let sampler = try #require(configuration["sampler"] as? [String: Any])
            #expect(sampler["temperature"] as? Double == 0.7)
            #expect(sampler["top_p"] as? Double == 0.95)
            for key in ["top_k", "min_p", "repeat_penalty", "presence_penalty", "frequency_penalty"] {
                #expect(sampler[key] != nil, "sampler lacks \(key)")
            }
            let machine = try #require(run["machine"] as? [String: Any])
            #expect((machine["cores"] as? Int ?? 0) >= 1)
            #expect(machine["cpu"] is String && machine["operating_system"] is String)
            #expect((run["command"] as? [String])?.contains("--rng-seed") == true)
        }

        @Test func runningTwiceGivesIdenticalTexts() async throws {
            let reference = try await QuickRun.referenceLines()
            let out = try temporaryDirectory("twice")
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try await converge(QuickRun.arguments(out: out))
            #expect(result.status == 0, "\(result.stderr)")
            let again = try Transcript.read(out)
            #expect(Transcript.texts(again) == Transcript.texts(reference))
            #expect(again.map(\.tokens) == reference.map(\.tokens))
        }

        @Test func relayDirectoryHoldsOneFilePerTurnEqualToTheTranscript() async throws {
            let reference = try await QuickRun.referenceLines()
            let out = try temporaryDirectory("relay")
            defer { try? FileManager.default.removeItem(at: out) }
            let relay = out.appendingPathComponent("relay")
            let result = try await converge(QuickRun.arguments(out: out.appendingPathComponent("run"), extra: ["--relay-dir", relay.path]))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try Transcript.read(out.appendingPathComponent("run"))
            Transcript.expectComplete(lines, conversations: QuickRun.conversations, turns: QuickRun.turns, maxTokens: QuickRun.maxTokens)
            let files = try FileManager.default.subpathsOfDirectory(atPath: relay.path).filter { $0.hasSuffix(".txt") }
            #expect(files.count == lines.count)
            for line in lines {
                let name = String(format: "conversation-%04d/turn-%02d-%@.txt", line.conversation, line.turn, line.agent)
                #expect(try String(contentsOf: relay.appendingPathComponent(name), encoding: .utf8) == line.text, "\(name)")
            }
            // Relaying through files changes nothing the models see.
            #expect(Transcript.texts(lines) == Transcript.texts(reference))
        }
    }
}
