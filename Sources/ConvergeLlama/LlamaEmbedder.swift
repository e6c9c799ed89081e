import CLlama
public import ConvergeCore
import Foundation

/// Sentence embeddings from an encoder such as all-MiniLM-L6-v2, as sentence-transformers computes
/// them: word pieces with [CLS]/[SEP], truncated to `maxWordPieces`, mean pooling over all of them,
/// then L2 normalisation.
public actor LlamaEmbedder: Embedder {
    private let executor = DispatchQueueExecutor(label: "converge.llama.embedder")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    public let model: LlamaModel
    /// sentence-transformers' `max_seq_length` for all-MiniLM-L6-v2; llama.cpp alone would allow 512.
    public let maxWordPieces: Int
    private let handle: ContextHandle
    private var context: OpaquePointer { handle.pointer }
    private let batch: TokenBatch
    private let tokenizer: WordPieceTokenizer

    public nonisolated var name: String { model.name }

    /// - Throws: `ConvergeError` when the model is not an encoder or the context cannot be created.
    public init(model: LlamaModel, threads: Int = LlamaContextOptions.defaultThreads, maxWordPieces: Int = 256) throws {
        guard model.isEncoder else {
            throw ConvergeError(.modelFile, "\(model.name) is not an embedding (encoder) model")
        }
        var params = llama_context_default_params()
        params.embeddings = true
        params.pooling_type = LLAMA_POOLING_TYPE_MEAN
        params.n_ctx = UInt32(maxWordPieces)
        params.n_batch = UInt32(maxWordPieces)
        params.n_ubatch = UInt32(maxWordPieces)
        params.n_seq_max = 1
        params.n_threads = Int32(threads)
        params.n_threads_batch = Int32(threads)
        params.no_perf = true
        guard let handle = ContextHandle(model: model, parameters: params) else {
            throw ConvergeError(.backend, "llama.cpp could not create an embedding context for \(model.name)")
        }
        self.model = model
        self.maxWordPieces = maxWordPieces
        tokenizer = WordPieceTokenizer(model: model)
        self.handle = handle
        batch = TokenBatch(capacity: maxWordPieces)
    }

    /// The word pieces a text is embedded from, after truncation: [CLS], the first pieces, [SEP].
    public func wordPieces(_ text: String) -> [Int32] {
        let tokens = tokenizer.tokenize(text)
        guard tokens.count > maxWordPieces else { return tokens }
        return Array(tokens.prefix(maxWordPieces - 1)) + [tokenizer.separator]
    }

    /// Embeds each text in a pass of its own. An encoder's attention spans the whole batch, masked
    /// per text, and its sums group the scores by where a text sits in that batch; alone, a text's
    /// vector is the same whatever it was embedded with (docs/INVARIANCE.md).
    public func embed(_ texts: [String]) throws -> [[Float]] {
        try texts.map { try encode(wordPieces($0)) }
    }

    private func encode(_ pieces: [Int32]) throws -> [Float] {
        try Task.checkCancellation()
        llama_memory_clear(llama_get_memory(context), true)
        batch.clear()
        for (position, token) in pieces.enumerated() {
            batch.append(token, position: position, sequence: 0, wantsLogits: true)
        }
        let status = llama_encode(context, batch.raw)
        guard status == 0 else { throw ConvergeError(.backend, "llama_encode failed for \(model.name): error \(status)") }
        guard let pooled = llama_get_embeddings_seq(context, 0) else {
            throw ConvergeError(.backend, "llama.cpp returned no pooled embedding for \(model.name)")
        }
        let vector = Array(UnsafeBufferPointer(start: pooled, count: model.embeddingSize))
        let norm = sqrt(vector.reduce(0) { $0 + Double($1) * Double($1) })
        return norm > 0 ? vector.map { Float(Double($0) / norm) } : vector
    }
}
