import CLlama

/// Owns a `llama_batch` and frees it. Not Sendable: it lives inside one actor.
final class TokenBatch {
    private(set) var raw: llama_batch
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        raw = llama_batch_init(Int32(capacity), 0, 1)
    }

    deinit { llama_batch_free(raw) }

    var count: Int { Int(raw.n_tokens) }
    var isFull: Bool { count == capacity }

    func clear() { raw.n_tokens = 0 }

    /// Appends one token of one sequence.
    /// - Returns: the token's index in the batch, where its logits can be read when `wantsLogits`.
    @discardableResult
    func append(_ token: Int32, position: Int, sequence: Int, wantsLogits: Bool) -> Int32 {
        let i = Int(raw.n_tokens)
        precondition(i < capacity, "batch overflow")
        raw.token[i] = token
        raw.pos[i] = Int32(position)
        raw.n_seq_id[i] = 1
        raw.seq_id[i]![0] = Int32(sequence)
        raw.logits[i] = wantsLogits ? 1 : 0
        raw.n_tokens += 1
        return Int32(i)
    }
}
