import ConvergeCore
import ConvergeLlama
import Foundation

/// Load time and single-stream and batched generation speed of one model, and embedding speed:
/// the first figures of BENCHMARKS.md, measured in-process so they include everything a run pays.
public enum ModelBenchmark {
    public struct GenerationFigures: Sendable {
        public var model: String
        public var loadSeconds: Double
        public var batches: [BatchFigures]
    }

    /// One batched generation: `parallel` sequences from the same prompt.
    public struct BatchFigures: Sendable {
        public var parallel: Int
        /// Generated tokens per sequence, averaged: fewer than asked when sequences end early.
        public var meanTokens: Double
        /// Ingesting the prompts, with each sequence's first token sampled from them.
        public var promptSeconds: Double
        /// The one-token-per-sequence decode steps after the prompts, and the tokens they sampled.
        public var decodeSeconds: Double
        public var decodeTokens: Int
        /// All generated tokens over the whole call, prompt ingestion included: what a run pays.
        public var overallTokensPerSecond: Double
        /// Tokens of the decode steps over their time, prompt ingestion excluded: the figure that
        /// compares with `llama-batched-bench`'s text-generation speed.
        public var decodeTokensPerSecond: Double { Double(decodeTokens) / decodeSeconds }
    }

    /// Loads a model and generates `tokens` tokens per sequence from a fixed prompt at each batch size.
    /// - Throws: `ConvergeError` from loading or decoding.
    public static func generation(spec: ModelSpec, parallel: [Int], tokens: Int, threads: Int) async throws -> GenerationFigures {
        try LlamaThreads.check(threads)
        let start = Date()
        let model = try await LoadedModels.load(spec, verbose: false)
        let loadSeconds = Date().timeIntervalSince(start)
        var sampler = SamplerSettings()
        sampler.temperature = 0.7
        sampler.topP = 0.95
        var figures: [BatchFigures] = []
        for width in parallel {
            let generator = try await LlamaGenerator.make(
                model: model, options: LlamaContextOptions(threads: threads, parallel: width, contextPerSequence: tokens + 64)
            )
            let requests = (0..<width).map {
                GenerationRequest(
                    prompt: .raw("The lighthouse keeper had not spoken to anyone in eleven days when"),
                    maxTokens: tokens, sampler: sampler, stop: [], rngSeed: UInt64($0)
                )
            }
            let begin = Date()
            let outputs = try await generator.generate(requests)
            let seconds = Date().timeIntervalSince(begin)
            let timing = await generator.lastTiming
            let tokens = Double(outputs.reduce(0) { $0 + $1.tokens })
            figures.append(
                BatchFigures(
                    parallel: width, meanTokens: tokens / Double(width), promptSeconds: timing.promptSeconds,
                    decodeSeconds: timing.decodeSeconds, decodeTokens: timing.decodeTokens, overallTokensPerSecond: tokens / seconds))
        }
        return GenerationFigures(model: model.name, loadSeconds: loadSeconds, batches: figures)
    }

    /// Texts embedded per second by the default embedder, over `count` sentences of ordinary length.
    /// - Throws: `ConvergeError` when the embedder cannot be opened.
    public static func embeddingsPerSecond(count: Int, threads: Int) async throws -> (model: String, loadSeconds: Double, perSecond: Double) {
        let start = Date()
        let embedder = try await EmbeddingModel.open(path: nil, threads: threads, verbose: false)
        let loadSeconds = Date().timeIntervalSince(start)
        let seeds = try SeedFile.bundled()
        let texts = (0..<count).map { seeds[$0 % seeds.count] + " (\($0))" }
        let begin = Date()
        _ = try await embedder.embed(texts)
        return (embedder.name, loadSeconds, Double(count) / Date().timeIntervalSince(begin))
    }
}
