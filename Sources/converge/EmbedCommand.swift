import ArgumentParser
import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation

struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Add sentence embeddings to JSONL objects.",
        discussion: """
            Reads JSONL objects with a `text` field (from a file or stdin) and writes each back with \
            `embedding` added: all-MiniLM-L6-v2, mean pooling over at most 256 word pieces, L2-normalised \
            (cosine ≥ 0.99 against sentence-transformers; see docs/METRICS.md).
            """
    )

    @Argument(help: "Input JSONL file; '-' or none reads stdin.")
    var input: String?
    @Option(help: "Output file; default stdout.")
    var output: String?
    @Option(help: "A GGUF embedding model instead of the default all-MiniLM-L6-v2.")
    var model: String?
    @Option(help: "llama.cpp threads.")
    var threads: Int = LlamaThreads.default
    @Flag(help: "Show llama.cpp's own log.")
    var verbose = false

    func run() async throws {
        try await runReportingErrors {
            var objects = try JSONLines.readObjects(path: input)
            let texts = try JSONLines.strings(objects, key: "text")
            let embedder = try await EmbeddingModel.open(path: model, threads: threads, verbose: verbose)
            let vectors = try await embedder.embed(texts)
            for index in objects.indices { objects[index]["embedding"] = vectors[index].map(Double.init) }
            try JSONLines.write(objects, path: output)
        }
    }
}
