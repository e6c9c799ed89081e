import CLlama
public import ConvergeCore
import Foundation

/// Generates text for many requests at once in one llama.cpp context: every request is its own
/// sequence, and each step decodes one token of every unfinished sequence in a single batch.
///
/// An actor on its own dispatch queue: the context is not thread-safe, and decoding blocks.
public actor LlamaGenerator {
    private let executor = DispatchQueueExecutor(label: "converge.llama.generator")
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    public let model: LlamaModel
    public let options: LlamaContextOptions
    private let handle: ContextHandle
    private var context: OpaquePointer { handle.pointer }
    private let batch: TokenBatch
    /// Whether a finished sequence's stream may be refilled by moving another one in (`compact`).
    private let canMoveStreams: Bool
    /// Where the last `generate` call spent its time, for benchmarks that compare the decode phase
    /// alone with llama.cpp's own figure.
    public private(set) var lastTiming = GenerationTiming(promptSeconds: 0, decodeSeconds: 0, decodeTokens: 0)
    /// Every token sampled so far, for a progress line that moves inside a batch. Counting only
    /// observes: it changes neither what is sampled nor how the context is run.
    public nonisolated let sampledTokens = TokenCounter()

    /// Creates a context for `options.parallel` sequences of `options.contextPerSequence` tokens.
    /// - Throws: `ConvergeError` when llama.cpp cannot allocate the context.
    public init(model: LlamaModel, options: LlamaContextOptions) throws {
        var params = llama_context_default_params()
        params.n_seq_max = UInt32(options.parallel)
        params.n_ctx = UInt32(options.parallel * options.contextPerSequence)
        params.n_batch = UInt32(max(512, options.parallel))
        params.n_threads = Int32(options.threads)
        params.n_threads_batch = Int32(options.threads)
        params.no_perf = true
        // Batch invariance (docs/INVARIANCE.md): each sequence gets its own KV stream, so its cells sit
        // where they would if it ran alone, and attention takes the plain path, whose sums follow
        // cell order. Flash attention picks tiled or KV-split kernels by batch shape.
        params.kv_unified = false
        params.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED
        guard let handle = ContextHandle(model: model, parameters: params) else {
            throw ConvergeError(.backend, "llama.cpp could not create a context of \(params.n_ctx) tokens for \(model.name)")
        }
        self.model = model
        self.options = options
        let window = Int(llama_model_n_swa(model.handle))
        canMoveStreams = window <= 0 || options.contextPerSequence <= window
        self.handle = handle
        batch = TokenBatch(capacity: Int(params.n_batch))
    }

    /// Creates the context on a dispatch queue: allocating the KV cache of many sequences blocks.
    /// - Throws: `ConvergeError` when llama.cpp cannot allocate the context.
    public static func make(model: LlamaModel, options: LlamaContextOptions) async throws -> LlamaGenerator {
        try await BlockingCall.run { try LlamaGenerator(model: model, options: options) }
    }

    /// Generates one output per request, all sequences sharing each decode.
    /// - Throws: `ConvergeError` when there are more requests than sequences or llama.cpp fails;
    ///   `CancellationError` when the task is cancelled between two decodes.
    public func generate(_ requests: [GenerationRequest]) throws -> [Generation] {
        guard requests.count <= options.parallel else {
            throw ConvergeError(.backend, "\(requests.count) requests exceed the context's \(options.parallel) sequences")
        }
        llama_memory_clear(llama_get_memory(context), true)
        var sequences = try requests.map { try GeneratingSequence(request: $0, model: model, contextTokens: options.contextPerSequence) }
        let start = DispatchTime.now()
        try ingestPrompts(&sequences)
        let promptDone = DispatchTime.now()
        let sampledDuringPrompt = sequences.reduce(0) { $0 + $1.generated }
        // slots[k] is the sequence held by llama.cpp sequence id k. Unfinished ones keep ids 0..<n
        // with no gaps: llama.cpp decodes only consecutive ids of per-sequence streams in one pass.
        var slots = Array(sequences.indices)
        compact(&slots, sequences)
        while slots.contains(where: { !sequences[$0].isDone }) {
            try Task.checkCancellation()
            batch.clear()
            let waiting = slots.enumerated().filter { !sequences[$0.element].isDone }.map { slot, i in
                (sequence: i, index: batch.append(sequences[i].lastToken, position: sequences[i].position, sequence: slot, wantsLogits: true))
            }
            try decode()
            for slot in waiting { try sampleNext(&sequences[slot.sequence], logitsIndex: slot.index) }
            compact(&slots, sequences)
        }
        lastTiming = GenerationTiming(
            promptSeconds: Double(promptDone.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
            decodeSeconds: Double(DispatchTime.now().uptimeNanoseconds - promptDone.uptimeNanoseconds) / 1e9,
            decodeTokens: sequences.reduce(0) { $0 + $1.generated } - sampledDuringPrompt)
        return sequences.map(\.result)
    }

    /// Decodes every prompt, in as few batches as fit, and samples each sequence's first token as
    /// soon as its last prompt token has been decoded.
    private func ingestPrompts(_ sequences: inout [GeneratingSequence]) throws {
        batch.clear()
        var waiting: [(sequence: Int, index: Int32)] = []
        for i in sequences.indices {
            for (position, token) in sequences[i].prompt.enumerated() {
                if batch.isFull {
                    try decode()
                    for slot in waiting { try sampleNext(&sequences[slot.sequence], logitsIndex: slot.index) }
                    waiting.removeAll()
                    batch.clear()
                    try Task.checkCancellation()
                }
                let isLast = position == sequences[i].prompt.count - 1
                let index = batch.append(token, position: position, sequence: i, wantsLogits: isLast)
                if isLast { waiting.append((i, index)) }
            }
        }
        if batch.count > 0 {
            try decode()
            for slot in waiting { try sampleNext(&sequences[slot.sequence], logitsIndex: slot.index) }
        }
    }

    /// Frees the streams of finished sequences and moves the last unfinished ones into the gaps.
    /// A move copies the whole stream, cells in place, so the moved sequence's cells keep the
    /// positions they would have alone. Its next token goes to the first free cell, as alone, unless
    /// a sliding window lets the cache reuse old cells: then gaps stay (slower, still invariant).
    private func compact(_ slots: inout [Int], _ sequences: [GeneratingSequence]) {
        let memory = llama_get_memory(context)
        for (slot, i) in slots.enumerated() where sequences[i].isDone {
            llama_memory_seq_rm(memory, Int32(slot), -1, -1)
        }
        guard canMoveStreams else { return }
        var low = 0
        var high = slots.count - 1
        while true {
            while low <= high, !sequences[slots[low]].isDone { low += 1 }
            while high >= low, sequences[slots[high]].isDone { high -= 1 }
            guard low < high else { break }
            llama_memory_seq_cp(memory, Int32(high), Int32(low), -1, -1)
            llama_memory_seq_rm(memory, Int32(high), -1, -1)
            slots.swapAt(low, high)
        }
        slots.removeAll { sequences[$0].isDone }
    }

    private func decode() throws {
        let status = llama_decode(context, batch.raw)
        guard status == 0 else {
            let reason = status == 1 ? "no room left in the KV cache" : "error \(status)"
            throw ConvergeError(.backend, "llama_decode failed for \(model.name): \(reason)")
        }
    }

    private func sampleNext(_ sequence: inout GeneratingSequence, logitsIndex: Int32) throws {
        guard let logits = llama_get_logits_ith(context, logitsIndex) else {
            throw ConvergeError(.backend, "llama.cpp returned no logits for batch row \(logitsIndex) of \(model.name)")
        }
        sequence.advance(logits: UnsafeBufferPointer(start: logits, count: model.vocabularySize), model: model)
        sampledTokens.add(1)
    }
}

/// The two phases of one batched generation.
public struct GenerationTiming: Sendable {
    /// Ingesting every prompt, with the first token of each sequence sampled from it.
    public var promptSeconds: Double
    /// The one-token-per-sequence decode steps after the prompts.
    public var decodeSeconds: Double
    /// Tokens sampled during the decode steps (those sampled from the prompts excluded).
    public var decodeTokens: Int
}

extension LlamaGenerator: LanguageModel {
    public nonisolated var name: String { model.name }
}
