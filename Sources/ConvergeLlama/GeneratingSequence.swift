import ConvergeCore

/// One request's progress inside a batched generation.
///
/// Prompt truncation policy: a prompt longer than the context leaves for it (context per sequence
/// minus max tokens) keeps its beginning-of-sequence token and its last tokens, because a
/// continuation depends on how the text ends.
struct GeneratingSequence {
    let request: GenerationRequest
    let prompt: [Int32]
    private var sampler: TokenSampler
    /// Prompt and generated tokens, for the penalties.
    private var history: [Int32]
    private var bytes: [UInt8] = []
    private var logitsBuffer: [Float] = []
    private(set) var generated = 0
    private var finishReason: FinishReason?
    private var stopCut: Int?

    init(request: GenerationRequest, model: LlamaModel, contextTokens: Int) throws {
        self.request = request
        let text: String
        let isChat: Bool
        switch request.prompt {
        case .raw(let raw): (text, isChat) = (raw, false)
        case .chat(let messages): (text, isChat) = (try model.applyChatTemplate(messages), true)
        }
        var tokens = model.tokenize(text, addSpecial: true, parseSpecial: isChat)
        let room = contextTokens - request.maxTokens
        if tokens.count > room {
            let keepsBOS = tokens.count > 1 && model.tokenize("", addSpecial: true).first == tokens.first
            tokens = keepsBOS ? [tokens[0]] + tokens.suffix(room - 1) : Array(tokens.suffix(room))
        }
        if tokens.isEmpty { tokens = model.tokenize(" ", addSpecial: true) }
        prompt = tokens
        history = tokens
        sampler = TokenSampler(settings: request.sampler, seed: request.rngSeed)
    }

    var isDone: Bool { finishReason != nil }
    var lastToken: Int32 { history[history.count - 1] }
    /// The position of `lastToken` in the sequence.
    var position: Int { history.count - 1 }

    var result: Generation {
        let text = String(decoding: bytes.prefix(stopCut ?? bytes.count), as: UTF8.self)
        return Generation(text: text, promptTokens: prompt.count, tokens: generated, finishReason: finishReason ?? .length)
    }

    /// Samples the next token from the logits of the last decoded one and decides whether to stop.
    mutating func advance(logits: UnsafeBufferPointer<Float>, model: LlamaModel) {
        // One buffer per sequence, reused: a fresh array per token would allocate 1 MB for Gemma.
        if logitsBuffer.count == logits.count {
            logitsBuffer.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: logits) }
        } else {
            logitsBuffer = Array(logits)
        }
        let token = sampler.sample(logits: &logitsBuffer, recent: history[...])
        if model.isEndOfGeneration(token) {
            finishReason = .eos
            return
        }
        history.append(token)
        generated += 1
        bytes.append(contentsOf: model.piece(token))
        if let cut = firstStop() {
            stopCut = cut
            finishReason = .stop
        } else if generated >= request.maxTokens {
            finishReason = .length
        }
    }

    /// The byte offset of the earliest stop string in the output, if any.
    private func firstStop() -> Int? {
        request.stop.compactMap { stop -> Int? in
            let needle = Array(stop.utf8)
            guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
            for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
                return start
            }
            return nil
        }.min()
    }
}
