import ArgumentParser
import ConvergeAnalysis
import ConvergeStore
import Foundation

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Add BLEU, Jaccard and cosine scores to JSONL pairs.",
        discussion: """
            Reads JSONL objects with string fields `a` and `b` (from a file or stdin) and writes each \
            back with `bleu`, `bleu_distance`, `jaccard_distance` and `cosine_distance` added. `b` is \
            the hypothesis, the later text, and `a` the reference: bleu is sacrebleu's \
            sentence_bleu(b, [a]). The distances other than BLEU are symmetric. All texts are embedded \
            in one batch. Definitions: docs/METRICS.md.
            """
    )

    @Argument(help: "Input JSONL file; '-' or none reads stdin.")
    var input: String?
    @Option(help: "Output file; default stdout.")
    var output: String?
    @OptionGroup var embedding: EmbeddingOptions

    func run() async throws {
        try await runReportingErrors {
            var objects = try JSONLines.readObjects(path: input)
            let pairs = Array(zip(try JSONLines.strings(objects, key: "a"), try JSONLines.strings(objects, key: "b")))
            let embedder = try await embedding.open()
            let scores = try await PairScore.score(pairs.map { (a: $0.0, b: $0.1) }, embedder: embedder)
            for (index, score) in scores.enumerated() {
                objects[index]["bleu"] = score.bleu
                objects[index]["bleu_distance"] = score.bleuDistance
                objects[index]["jaccard_distance"] = score.jaccardDistance
                objects[index]["cosine_distance"] = score.cosineDistance
            }
            try JSONLines.write(objects, path: output)
        }
    }
}
