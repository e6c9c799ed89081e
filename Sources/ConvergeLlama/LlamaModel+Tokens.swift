import CLlama
public import ConvergeCore
import Foundation

extension LlamaModel {
    /// Tokenizes text.
    /// - Parameters:
    ///   - addSpecial: add the BOS (or CLS/SEP) tokens the model expects around a whole input.
    ///   - parseSpecial: read control tokens such as `<start_of_turn>` as tokens; only for chat templates.
    public func tokenize(_ text: String, addSpecial: Bool, parseSpecial: Bool = false) -> [Int32] {
        let utf8 = Array(text.utf8CString.dropLast())
        var tokens = [Int32](repeating: 0, count: utf8.count + 8)
        var count = llama_tokenize(vocab, utf8, Int32(utf8.count), &tokens, Int32(tokens.count), addSpecial, parseSpecial)
        if count < 0 {
            tokens = [Int32](repeating: 0, count: Int(-count))
            count = llama_tokenize(vocab, utf8, Int32(utf8.count), &tokens, Int32(tokens.count), addSpecial, parseSpecial)
        }
        return Array(tokens.prefix(Int(max(count, 0))))
    }

    /// The bytes a token stands for. Control tokens render as nothing.
    func piece(_ token: Int32) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 64)
        var count = llama_token_to_piece(vocab, token, &buffer, Int32(buffer.count), 0, false)
        if count < 0 {
            buffer = [CChar](repeating: 0, count: Int(-count))
            count = llama_token_to_piece(vocab, token, &buffer, Int32(buffer.count), 0, false)
        }
        return buffer.prefix(Int(max(count, 0))).map { UInt8(bitPattern: $0) }
    }

    /// Whether a token ends generation (end of sequence, end of turn).
    func isEndOfGeneration(_ token: Int32) -> Bool { llama_vocab_is_eog(vocab, token) }

    /// Formats chat messages with the model's built-in template, ending where the assistant speaks.
    /// - Throws: `ConvergeError` when the model has no template llama.cpp understands.
    public func applyChatTemplate(_ messages: [ChatMessage]) throws -> String {
        guard let template = llama_model_chat_template(handle, nil) else {
            throw ConvergeError(.invalidParameter, "model \(name) has no chat template; use --prompt-mode raw")
        }
        let roles = messages.map { strdup($0.role.rawValue) }
        let contents = messages.map { strdup($0.content) }
        defer { (roles + contents).forEach { free($0) } }
        let chat = zip(roles, contents).map { llama_chat_message(role: $0, content: $1) }
        let total = messages.reduce(0) { $0 + $1.content.utf8.count }
        var buffer = [CChar](repeating: 0, count: 2 * total + 1024)
        var count = llama_chat_apply_template(template, chat, chat.count, true, &buffer, Int32(buffer.count))
        if count > Int32(buffer.count) {
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
            count = llama_chat_apply_template(template, chat, chat.count, true, &buffer, Int32(buffer.count))
        }
        guard count >= 0 else {
            throw ConvergeError(.invalidParameter, "llama.cpp does not support the chat template of \(name); use --prompt-mode raw")
        }
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
