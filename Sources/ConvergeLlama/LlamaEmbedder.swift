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
    private let maxSequences = 64

    public nonisolated var name: String { model.name }

    /// - Throws: `ConvergeError` when the model is not an encoder or the context cannot be created.
    public init(model: LlamaModel, threads: Int = LlamaContextOptions.defaultThreads, maxWordPieces: Int = 256) throws {
        guard model.isEncoder else {
            throw ConvergeError(.modelFile, "\(model.name) is not an embedding (encoder) model")
        }
        var params = llama_context_default_params()
        params.embeddings = true
        params.pooling_type = LLAMA_POOLING_TYPE_MEAN
        params.n_ctx = 4096
        params.n_batch = 4096
        params.n_ubatch = 4096
        params.n_seq_max = UInt32(maxSequences)
        params.n_threads = Int32(threads)
        params.n_threads_batch = Int32(threads)
        params.no_perf = true
        guard let context = llama_init_from_model(model.handle, params) else {
            throw ConvergeError(.backend, "llama.cpp could not create an embedding context for \(model.name)")
        }
        self.model = model
        self.maxWordPieces = maxWordPieces
        tokenizer = WordPieceTokenizer(model: model)
        handle = ContextHandle(context)
        batch = TokenBatch(capacity: 4096)
    }

    /// The word pieces a text is embedded from, after truncation: [CLS], the first pieces, [SEP].
    public func wordPieces(_ text: String) -> [Int32] {
        let tokens = tokenizer.tokenize(text)
        guard tokens.count > maxWordPieces else { return tokens }
        return Array(tokens.prefix(maxWordPieces - 1)) + [tokenizer.separator]
    }

    public func embed(_ texts: [String]) throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var group: [[Int32]] = []
        for text in texts {
            let pieces = wordPieces(text)
            if group.count == maxSequences || group.reduce(0, { $0 + $1.count }) + pieces.count > batch.capacity {
                vectors += try encode(group)
                group.removeAll()
            }
            group.append(pieces)
        }
        if !group.isEmpty { vectors += try encode(group) }
        return vectors
    }

    private func encode(_ group: [[Int32]]) throws -> [[Float]] {
        try Task.checkCancellation()
        llama_memory_clear(llama_get_memory(context), true)
        batch.clear()
        for (sequence, pieces) in group.enumerated() {
            for (position, token) in pieces.enumerated() {
                batch.append(token, position: position, sequence: sequence, wantsLogits: true)
            }
        }
        let status = llama_encode(context, batch.raw)
        guard status == 0 else { throw ConvergeError(.backend, "llama_encode failed for \(model.name): error \(status)") }
        let width = model.embeddingSize
        return try group.indices.map { sequence in
            guard let pooled = llama_get_embeddings_seq(context, Int32(sequence)) else {
                throw ConvergeError(.backend, "llama.cpp returned no pooled embedding for \(model.name)")
            }
            let vector = Array(UnsafeBufferPointer(start: pooled, count: width))
            let norm = sqrt(vector.reduce(0) { $0 + Double($1) * Double($1) })
            return norm > 0 ? vector.map { Float(Double($0) / norm) } : vector
        }
    }
}
