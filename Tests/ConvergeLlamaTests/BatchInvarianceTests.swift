import ConvergeCore
import ConvergeLlama
import Foundation
import Testing

/// A sequence's text depends only on its own request: not on how many others share its batch, where
/// it sits, or when the others finish (docs/INVARIANCE.md).
extension RealModels {
    @Suite(.serialized, .timeLimit(.minutes(5))) struct BatchInvarianceTests {
        /// Prompts of very different lengths, so prompts straddle decode batches, and limits that make
        /// sequences finish at different steps, so finished streams are refilled mid-generation.
        static let requests: [GenerationRequest] = {
            let prompts = [
                "The committee met at noon to", "1, 2, 3, 4, 5,", "def fibonacci(n):",
                "Photosynthesis converts light into", String(repeating: "The river keeps its own counsel. ", count: 30),
                "Question 1: What is the capital of France?\nAnswer:", "Once upon a time, in a kingdom by the sea,",
                "Breaking news:", "She opened the letter and read", String(repeating: "tick tock ", count: 60),
                "In 1887 the expedition reached", "Dear diary, today",
            ]
            let limits = [24, 6, 24, 3, 24, 12, 24, 1, 18, 24, 9, 24]
            return prompts.indices.map { i in
                request(.raw(prompts[i]), maxTokens: limits[i], seed: UInt64(100 + i), temperature: i % 3 == 0 ? 0 : 0.7)
            }
        }()

        static func generator(_ model: LlamaModel, parallel: Int) throws -> LlamaGenerator {
            try LlamaGenerator(model: model, options: .init(threads: 1, parallel: parallel, contextPerSequence: 512))
        }

        @Test(arguments: ["gemma", "smol"])
        func everySequenceGivesTheSameTextAloneAndInAnyBatch(modelName: String) async throws {
            let model = try (modelName == "gemma" ? TestModels.gemma : TestModels.smol).get()
            let requests = Self.requests
            let wide = try Self.generator(model, parallel: requests.count)
            let together = try await wide.generate(requests)
            let narrow = try Self.generator(model, parallel: 1)
            for (r, expected) in zip(requests, together) {
                #expect(try await narrow.generate([r])[0] == expected, "alone differs from the batch of \(requests.count)")
            }
            // Another composition: a reversed subset, in a context sized for exactly that many.
            let subset = Array(requests.enumerated().filter { $0.offset % 2 == 1 }.reversed())
            let middle = try Self.generator(model, parallel: subset.count)
            let reordered = try await middle.generate(subset.map(\.element))
            for ((i, _), generation) in zip(subset, reordered) {
                #expect(generation == together[i], "request \(i) differs in a reversed batch of \(subset.count)")
            }
        }

        /// The library these tests ran on is the one `run.json` calls batch-invariant, and a patched
        /// llamafile build names the repository's patch by its sha256.
        @Test func theLinkedBuildIsRecordedAsBatchInvariant() throws {
            #expect(LlamaArithmetic.isBatchInvariant)
            let summary = LlamaArithmetic.summary
            #expect(summary.hasPrefix("batch-invariant: "))
            guard summary.contains("llamafile sgemm at every batch size") else { return }
            let patch = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("scripts/patches/llamafile-every-batch-size.patch")
            let digest = Process()
            digest.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            digest.arguments = [patch.path]
            let pipe = Pipe()
            digest.standardOutput = pipe
            try digest.run()
            digest.waitUntilExit()
            let sha = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
            #expect(sha.count == 64 && summary.contains("sha256 \(sha)"), "\(summary)")
        }
    }
}
