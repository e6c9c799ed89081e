import ArgumentParser
import ConvergeCore
import ConvergeRun
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure model load time, generation tok/s and embeddings/s on this machine.",
        discussion: """
            Prints a Markdown table for BENCHMARKS.md: per model and batch size, the tokens each \
            sequence generated (fewer than --tokens when it ends early), the time spent ingesting \
            prompts and decoding, the decode-phase tok/s (prompts excluded, as llama-batched-bench's \
            text-generation speed) and the overall tok/s. scripts/bench_decode.sh puts these next to \
            llama.cpp's own figures; scripts/bench_generation.sh measures whole runs.
            """
    )

    @Option(help: "Batch sizes to measure, comma-separated.")
    var parallel: String = "1,8"
    @Option(help: "Tokens generated per sequence.")
    var tokens: Int = 128
    @Option(help: "llama.cpp threads.")
    var threads: Int = LlamaThreads.default
    @Option(help: "Texts to embed.")
    var embeddings: Int = 200
    @Option(help: "Also time BLEU and Jaccard over this JSON of text pairs (the golden fixture works).")
    var textPairs: String?

    func run() async throws {
        try await runReportingErrors {
            let widths = try BenchmarkTable.batchSizes(parallel)
            print(BenchmarkTable.header)
            for agent in [Agent.a, .b] {
                let spec = try ModelSpec(parsing: "default", defaultFor: agent)
                let figures = try await ModelBenchmark.generation(spec: spec, parallel: widths, tokens: tokens, threads: threads)
                BenchmarkTable.rows(figures).forEach { print($0) }
            }
            let embedding = try await ModelBenchmark.embeddingsPerSecond(count: embeddings, threads: threads)
            if let textPairs {
                let speed = try TextMetricBenchmark.pairsPerSecond(file: URL(fileURLWithPath: textPairs))
                print("\n" + BenchmarkTable.textMetricLine(bleu: speed.bleu, jaccard: speed.jaccard, pairs: speed.pairs))
            }
            print(
                "\n"
                    + BenchmarkTable.embeddingLine(
                        model: embedding.model, loadSeconds: embedding.loadSeconds, perSecond: embedding.perSecond, texts: embeddings, threads: threads))
        }
    }
}
