import ConvergeCore
import ConvergeLlama
import Testing

extension RealModels {
    @Suite(.serialized, .timeLimit(.minutes(3))) struct GenerationTests {
        @Test func sameSeedSameTextDifferentSeedUsuallyDifferent() async throws {
            let generator = try TestModels.smolGenerator.get()
            let prompt = Prompt.raw("The old lighthouse keeper climbed the stairs and")
            let first = try await generator.generate([request(prompt, maxTokens: 12, seed: 42)])
            let again = try await generator.generate([request(prompt, maxTokens: 12, seed: 42)])
            #expect(first == again)
            let others = try await generator.generate((43...45).map { request(prompt, maxTokens: 12, seed: $0) })
            let texts = Set(([first[0]] + others).map(\.text))
            #expect(texts.count >= 2, "four seeds gave one text: \(texts)")
        }

        @Test func gemmaIsDeterministicToo() async throws {
            let generator = try TestModels.gemmaGenerator.get()
            let r = request(.raw("Rain fell on the quiet town, and"), maxTokens: 8, seed: 9)
            let first = try await generator.generate([r])
            #expect(try await generator.generate([r]) == first)
            #expect(wellFormed(first[0], maxTokens: 8))
        }

        @Test(arguments: [1, 5])
        func noOutputExceedsMaxTokens(maxTokens: Int) async throws {
            let generator = try TestModels.smolGenerator.get()
            let prompts = ["Once upon a time", "1, 2, 3, 4,", "The recipe calls for", "In the year 2050"]
            let generations = try await generator.generate(
                prompts.enumerated().map {
                    request(.raw($1), maxTokens: maxTokens, seed: UInt64($0), temperature: 1.0)
                })
            #expect(generations.count == 4)
            for g in generations {
                #expect(wellFormed(g, maxTokens: maxTokens), "\(g)")
                #expect(g.tokens <= maxTokens)
            }
            #expect(generations.contains { $0.finishReason == .length })
        }

        @Test func chatModeEndsWithEOS() async throws {
            // SmolLM2-Instruct answers a short question and closes its turn with <|im_end|>.
            let generator = try TestModels.smolGenerator.get()
            let chat = Prompt.chat([ChatMessage(role: .user, content: "What is the capital of France? Answer in one word.")])
            let g = try await generator.generate([request(chat, maxTokens: 32, seed: 1, temperature: 0)])[0]
            #expect(g.finishReason == .eos, "\(g)")
            #expect(g.tokens < 32)
            #expect(g.text.contains("Paris"))
            #expect(!g.text.contains("<|im_end|>"))
        }

        @Test(arguments: [" the", "\n", "."])
        func stopStringCutsTheTextBeforeIt(stop: String) async throws {
            let generator = try TestModels.smolGenerator.get()
            let prompt = Prompt.raw("Here is a short story about the sea and the sky.\n\nThe")
            var sawStop = false
            // Groups of four seeds (the generator's width) until one produces the stop string.
            for group in 0..<4 where !sawStop {
                let seeds = (1...4).map { UInt64(group * 4 + $0) }
                let free = try await generator.generate(seeds.map { request(prompt, maxTokens: 40, seed: $0, temperature: 0.8) })
                let stopped = try await generator.generate(seeds.map { request(prompt, maxTokens: 40, seed: $0, temperature: 0.8, stop: [stop]) })
                for (f, s) in zip(free, stopped) {
                    #expect(!s.text.contains(stop))
                    #expect(wellFormed(s, maxTokens: 40))
                    if s.finishReason == .stop {
                        sawStop = true
                        // Same seed, same tokens up to the stop: the text is the free text cut just before it.
                        #expect(f.text.hasPrefix(s.text + stop), "free \(f.text.debugDescription) stopped \(s.text.debugDescription)")
                        #expect(s.tokens <= f.tokens)
                    } else {
                        #expect(s == f)
                        #expect(!f.text.contains(stop))
                    }
                }
            }
            #expect(sawStop, "no seed produced \(stop.debugDescription)")
        }

        @Test func batchedAndSingleGenerationAreBothWellFormed() async throws {
            let generator = try TestModels.gemmaGenerator.get()
            let requests = [
                request(.raw("The committee met at noon to"), maxTokens: 10, seed: 1),
                request(.raw("Photosynthesis converts light into"), maxTokens: 6, seed: 2),
                request(.raw("def fibonacci(n):"), maxTokens: 10, seed: 3),
            ]
            let batched = try await generator.generate(requests)
            #expect(batched.count == 3)
            // Each sequence's first token is sampled from its prompt; the decode steps sample the rest.
            let timing = await generator.lastTiming
            #expect(timing.decodeTokens == batched.reduce(0) { $0 + $1.tokens } - batched.filter { $0.tokens > 0 }.count)
            #expect(timing.promptSeconds > 0 && timing.decodeSeconds > 0)
            for (r, g) in zip(requests, batched) {
                #expect(wellFormed(g, maxTokens: r.maxTokens), "\(g)")
                let single = try await generator.generate([r])[0]
                #expect(wellFormed(single, maxTokens: r.maxTokens), "\(single)")
                #expect(single.promptTokens == g.promptTokens)
            }
        }

        @Test func tooManyRequestsForTheContextIsAnError() async throws {
            let generator = try TestModels.smolGenerator.get()
            await #expect(throws: ConvergeError.self) {
                try await generator.generate((0..<5).map { request(.raw("x"), maxTokens: 1, seed: UInt64($0)) })
            }
        }

        @Test func promptLongerThanTheContextKeepsItsEnd() async throws {
            let model = try TestModels.smol.get()
            let generator = try LlamaGenerator(model: model, options: .init(threads: 1, parallel: 1, contextPerSequence: 128))
            let long = (1...200).map { "word\($0)" }.joined(separator: " ")
            #expect(model.tokenize(long, addSpecial: true).count > 128)
            let g = try await generator.generate([request(.raw(long), maxTokens: 8, seed: 5)])[0]
            #expect(wellFormed(g, maxTokens: 8), "\(g)")
            #expect(g.promptTokens <= 128 - 8)
            #expect(g.promptTokens == 128 - 8)
        }
    }
}
