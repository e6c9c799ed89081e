public import ConvergeCore
public import Foundation

/// An `Embedder` over `/v1/embeddings` (OpenAI-compatible) or Ollama's `/api/embed`, with the same
/// endpoint list, limits and retries as `HTTPLanguageModel`.
///
/// The metric contract fixes all-MiniLM-L6-v2 with mean pooling; a server's model must match that
/// for cosine distances to be comparable with the tool's own.
public final class HTTPEmbedder: Embedder {
    public let name: String
    private let client: EndpointClient

    /// - Throws: `ConvergeError` when the key variable is named but not set.
    public init(
        _ configuration: HTTPBackendConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
        log: @escaping @Sendable (String) -> Void
    ) throws {
        name = configuration.model
        client = try EndpointClient(configuration, retryBaseDelay: 0.5, environment: environment, log: log)
    }

    /// - Throws: `ConvergeError` when the servers fail for good or answer with the wrong number of vectors.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let ollama = client.configuration.api == .ollama
        let body = try JSONSerialization.data(withJSONObject: ["model": name, "input": texts], options: [.sortedKeys])
        let vectors = try await client.post(ollama ? "/api/embed" : "/v1/embeddings", body: body) { data throws(ReplyParser.Problem) in
            try Self.vectors(data, ollama: ollama)
        }
        guard let vectors, vectors.count == texts.count else {
            throw ConvergeError(.backend, "embedding server for \(name) gave \(vectors.map { "\($0.count) vectors" } ?? "no answer") for \(texts.count) texts")
        }
        return vectors
    }

    private static func vectors(_ data: Data, ollama: Bool) throws(ReplyParser.Problem) -> [[Float]] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReplyParser.Problem(message: "unreadable embeddings response", retryable: true)
        }
        if let error = object["error"] { throw ReplyParser.problem(fromErrorObject: error) }
        let rows: [[Double]]?
        if ollama {
            rows = object["embeddings"] as? [[Double]]
        } else {
            // OpenAI returns `data` items with an `index`; order by it rather than trusting the array order.
            rows = (object["data"] as? [[String: Any]])?
                .sorted { ($0["index"] as? Int ?? 0) < ($1["index"] as? Int ?? 0) }
                .compactMap { $0["embedding"] as? [Double] }
        }
        guard let rows else { throw ReplyParser.Problem(message: "embeddings response without vectors", retryable: true) }
        return rows.map { $0.map(Float.init) }
    }
}
