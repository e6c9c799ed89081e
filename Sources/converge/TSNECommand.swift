import ArgumentParser
import ConvergeTSNE
import Foundation

struct TSNECommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsne",
        abstract: "Embed vectors in 2-D with t-SNE and report the KL divergence.",
        discussion: """
            Reads JSONL objects with an `embedding` array, writes a CSV with header `x,y` (one row per \
            input line, in order) and prints {"kl_divergence": …} as JSON. Settings follow scikit-learn's \
            TSNE: PCA initialisation, early exaggeration 12, learning rate "auto"; the perplexity is \
            reduced to (N − 1)/3 for small inputs; exact up to 1000 points, Barnes-Hut (θ = 0.5) above.
            """
    )

    @Option(help: "Input JSONL file; each object has `embedding`: an array of numbers.")
    var input: String
    @Option(help: "Output CSV file (header x,y).")
    var output: String
    @Option(help: "Perplexity; reduced automatically for fewer than 91 points.")
    var perplexity: Double = TSNEConfiguration.paper.perplexity
    @Option(help: "Random seed (used by random initialisation only; PCA initialisation is deterministic).")
    var seed: UInt64 = TSNEConfiguration.paper.seed
    @Option(help: "Total iterations, the 250 with early exaggeration included.")
    var iterations: Int = TSNEConfiguration.paper.iterations
    @Option(help: "Gradient: automatic, exact or barnesHut.")
    var method: String = TSNEConfiguration.Method.automatic.rawValue

    private struct Summary: Encodable {
        let kl_divergence: Double
        let method: String
        let perplexity: Double
        let iterations: Int
        let points: Int
    }

    func validate() throws {
        guard TSNEConfiguration.Method(rawValue: method) != nil else {
            throw ValidationError("--method must be automatic, exact or barnesHut, got \(method)")
        }
    }

    func run() async throws {
        try await runReportingErrors {
            let method = TSNEConfiguration.Method(rawValue: method) ?? .automatic
            let points = try TSNEIO.readEmbeddings(contentsOf: URL(fileURLWithPath: input))
            let configuration = TSNEConfiguration(
                perplexity: perplexity, iterations: iterations, method: method, seed: seed)
            let result = try tsne(points, configuration: configuration)
            try TSNEIO.writeCSV(result.coordinates, to: URL(fileURLWithPath: output))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let summary = Summary(
                kl_divergence: result.klDivergence, method: result.method.rawValue,
                perplexity: result.effectivePerplexity, iterations: result.iterations, points: points.count)
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        }
    }
}
