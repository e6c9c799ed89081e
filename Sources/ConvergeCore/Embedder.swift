/// Turns texts into sentence embeddings. The default is all-MiniLM-L6-v2 through llama.cpp:
/// mean pooling over all word pieces, L2-normalised, so a dot product is a cosine.
public protocol Embedder: Sendable {
    /// A short name recorded in provenance, such as the model file name.
    var name: String { get }
    /// Embeds every text. The result has one vector per text, in order, each of `dimension` values.
    /// - Throws: when the backend fails.
    func embed(_ texts: [String]) async throws -> [[Float]]
}
