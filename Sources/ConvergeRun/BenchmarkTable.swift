import ConvergeCore
import Foundation

/// The Markdown that `converge bench` prints for BENCHMARKS.md.
public enum BenchmarkTable {
    public static let header = """
        | model | load s | parallel | tokens/seq | prompt s | decode s | decode tok/s | overall tok/s |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """

    /// One table row per batch size.
    public static func rows(_ figures: ModelBenchmark.GenerationFigures) -> [String] {
        figures.batches.map { batch in
            let cells = [
                figures.model, String(format: "%.2f", figures.loadSeconds), "\(batch.parallel)", String(format: "%.1f", batch.meanTokens),
                String(format: "%.2f", batch.promptSeconds), String(format: "%.2f", batch.decodeSeconds),
                String(format: "%.1f", batch.decodeTokensPerSecond), String(format: "%.1f", batch.overallTokensPerSecond),
            ]
            return "| " + cells.joined(separator: " | ") + " |"
        }
    }

    public static func textMetricLine(bleu: Double, jaccard: Double, pairs: Int) -> String {
        String(format: "BLEU %.0f pairs/s, Jaccard %.0f pairs/s (%d pairs)", bleu, jaccard, pairs)
    }

    public static func embeddingLine(model: String, loadSeconds: Double, perSecond: Double, texts: Int, threads: Int) -> String {
        "\(model): load \(String(format: "%.2f", loadSeconds)) s, \(String(format: "%.1f", perSecond)) texts/s (\(texts) texts, threads \(threads))"
    }

    /// Parses a comma-separated list of batch sizes.
    /// - Throws: `ConvergeError` unless every size is a whole number ≥ 1.
    public static func batchSizes(_ text: String) throws -> [Int] {
        let widths = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !widths.isEmpty, widths.allSatisfy({ $0 >= 1 }) else {
            throw ConvergeError(.invalidParameter, "--parallel needs batch sizes ≥ 1, such as 1,8 (got '\(text)')")
        }
        return widths
    }
}
