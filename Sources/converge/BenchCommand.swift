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
            let widths = parallel.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !widths.isEmpty, widths.allSatisfy({ $0 >= 1 }) else {
                throw ConvergeError(.invalidParameter, "--parallel needs batch sizes ≥ 1, such as 1,8 (got '\(parallel)')")
            }
            print("| model | load s | parallel | tokens/seq | prompt s | decode s | decode tok/s | overall tok/s |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            for agent in [Agent.a, .b] {
                let spec = try ModelSpec(parsing: "default", defaultFor: agent)
                let figures = try await ModelBenchmark.generation(spec: spec, parallel: widths, tokens: tokens, threads: threads)
                for batch in figures.batches {
                    let cells = [
                        figures.model, String(format: "%.2f", figures.loadSeconds), "\(batch.parallel)", String(format: "%.1f", batch.meanTokens),
                        String(format: "%.2f", batch.promptSeconds), String(format: "%.2f", batch.decodeSeconds),
                        String(format: "%.1f", batch.decodeTokensPerSecond), String(format: "%.1f", batch.overallTokensPerSecond),
                    ]
                    print("| " + cells.joined(separator: " | ") + " |")
                }
            }
            let embedding = try await ModelBenchmark.embeddingsPerSecond(count: embeddings, threads: threads)
            if let textPairs {
                let speed = try TextMetricBenchmark.pairsPerSecond(file: URL(fileURLWithPath: textPairs))
                print(String(format: "\nBLEU %.0f pairs/s, Jaccard %.0f pairs/s (%d pairs)", speed.bleu, speed.jaccard, speed.pairs))
            }
            print("\n\(embedding.model): load \(String(format: "%.2f", embedding.loadSeconds)) s, \(String(format: "%.1f", embedding.perSecond)) texts/s (\(embeddings) texts, threads \(threads))")
        }
    }
}
