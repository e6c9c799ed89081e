import CLlama
import ConvergeCore
import ConvergeGGUF
public import Foundation

/// A GGUF model loaded through llama.cpp (memory-mapped). Its weights and vocabulary are read-only
/// after loading, and llama.cpp documents tokenization as thread-safe.
///
/// `@unchecked Sendable`: the handle is never mutated after `init` and is freed only in `deinit`,
/// so sharing it between the contexts that read it is safe.
public final class LlamaModel: @unchecked Sendable {
    let handle: OpaquePointer
    let vocab: OpaquePointer
    public let url: URL
    /// The file name without `.gguf`, used as the model's name in transcripts.
    public let name: String

    /// Loads a GGUF file.
    /// - Parameters:
    ///   - url: the `.gguf` file.
    ///   - verbose: pass llama.cpp's own log through to stderr.
    /// - Throws: `ConvergeError` with code `.modelFile` when the file is missing, is not GGUF, or
    ///   llama.cpp cannot load it (for example a truncated download).
    public init(url: URL, verbose: Bool = false) throws {
        try Self.checkFile(url)
        LlamaRuntime.configure(verbose: verbose)
        var params = llama_model_default_params()
        params.n_gpu_layers = 0
        // Repacked weights run a 4-row kernel on whole groups of 4 tokens and a 1-row kernel on the
        // rest, so a token's arithmetic would depend on its place in the batch (docs/INVARIANCE.md).
        params.use_extra_bufts = false
        guard let handle = llama_model_load_from_file(url.path, params) else {
            throw ConvergeError(
                .modelFile, "llama.cpp could not load \(url.path): the GGUF file is truncated or corrupt (run with --verbose for llama.cpp's reason)")
        }
        self.handle = handle
        vocab = llama_model_get_vocab(handle)
        self.url = url
        name = url.deletingPathExtension().lastPathComponent
    }

    deinit { llama_model_free(handle) }

    /// Loads a GGUF file on a dispatch queue: reading and mapping the file blocks.
    /// - Throws: `ConvergeError` with code `.modelFile`, as `init(url:verbose:)`.
    public static func load(url: URL, verbose: Bool = false) async throws -> LlamaModel {
        try await BlockingCall.run { try LlamaModel(url: url, verbose: verbose) }
    }

    /// Fails early, with a clear message, on a wrong path, a file that is not GGUF, and a GGUF
    /// header whose counts, lengths or offsets do not fit the file, before llama.cpp parses it.
    private static func checkFile(_ url: URL) throws {
        try GGUFFile.check(url)
    }

    /// The size of the vocabulary.
    public var vocabularySize: Int { Int(llama_vocab_n_tokens(vocab)) }
    /// The width of the model's hidden state, the size of an embedding.
    public var embeddingSize: Int { Int(llama_model_n_embd(handle)) }
    /// Whether the model is an encoder (such as BERT) rather than a decoder.
    public var isEncoder: Bool {
        if llama_model_has_encoder(handle) { return !llama_model_has_decoder(handle) }
        // llama.cpp reports only T5 as having an encoder; BERT-family embedding models are named by
        // their architecture.
        var buffer = [CChar](repeating: 0, count: 64)
        let count = llama_model_meta_val_str(handle, "general.architecture", &buffer, buffer.count)
        guard count > 0 else { return false }
        let architecture = String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ["bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "neo-bert", "modern-bert"].contains(architecture)
    }

    /// llama.cpp's one-line description, such as "gemma3 270M Q4_K - Medium".
    public var summary: String {
        var buffer = [CChar](repeating: 0, count: 256)
        let count = llama_model_desc(handle, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self) : name
    }
}
