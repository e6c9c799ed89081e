import CLlama
import Foundation

/// Hugging Face's uncased BERT tokenizer (`BertNormalizer`, `BertPreTokenizer`, `WordPiece`), over
/// the vocabulary inside the GGUF file. llama.cpp's own WPM tokenizer normalises differently (it
/// drops spacing marks such as Devanagari vowel signs, for one), which moved embeddings away from
/// sentence-transformers; following the reference step by step keeps them equal.
struct WordPieceTokenizer {
    private let pieces: [String: Int32]
    let classify: Int32
    let separator: Int32
    private let unknown: Int32
    /// Hugging Face's `max_input_chars_per_word`: a longer word becomes [UNK].
    private let longestWord = 100

    /// Reads the vocabulary. The GGUF keeps it in llama.cpp's "phantom space" form: a word-initial
    /// piece is stored as "▁piece", a continuation ("##piece" in vocab.txt) as "piece".
    init(model: LlamaModel) {
        var pieces: [String: Int32] = [:]
        for id in 0..<Int32(model.vocabularySize) {
            guard let text = llama_vocab_get_text(model.vocab, id) else { continue }
            let piece = String(cString: text)
            if pieces[piece] == nil { pieces[piece] = id }
        }
        self.pieces = pieces
        classify = llama_vocab_bos(model.vocab)
        separator = llama_vocab_sep(model.vocab) >= 0 ? llama_vocab_sep(model.vocab) : llama_vocab_eos(model.vocab)
        unknown = pieces["[UNK]"] ?? 100
    }

    /// [CLS], the word pieces of `text`, [SEP].
    func tokenize(_ text: String) -> [Int32] {
        var ids: [Int32] = [classify]
        for word in Self.words(Self.normalized(text)) { ids += wordPieces(word) }
        ids.append(separator)
        return ids
    }

    /// Greedy longest-match-first WordPiece; a word with an unmatched remainder is one [UNK].
    private func wordPieces(_ word: [Unicode.Scalar]) -> [Int32] {
        guard word.count <= longestWord else { return [unknown] }
        var ids: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while end > start {
                var candidate = String(String.UnicodeScalarView(word[start..<end]))
                if start == 0 { candidate = "\u{2581}" + candidate }
                if let id = pieces[candidate] {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else { return [unknown] }
            ids.append(match)
            start = end
        }
        return ids
    }

    /// `BertNormalizer` with clean-up, Chinese-character spacing, accent stripping and lower-casing.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var cleaned: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
            if isWhitespace(scalar) {
                cleaned.append(" ")
            } else if isChinese(scalar) {
                cleaned += [" ", scalar, " "]
            } else {
                cleaned.append(scalar)
            }
        }
        let decomposed = String(String.UnicodeScalarView(cleaned)).decomposedStringWithCanonicalMapping.unicodeScalars
        return
            decomposed
            .filter { $0.properties.generalCategory != .nonspacingMark }
            .flatMap { $0.properties.lowercaseMapping.unicodeScalars }
    }

    /// `BertPreTokenizer`: split on whitespace, and make every punctuation character its own word.
    static func words(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if isWhitespace(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                words.append([scalar])
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.properties.generalCategory == .spaceSeparator
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        switch s.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    private static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    private static func isChinese(_ s: Unicode.Scalar) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [
            0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F,
        ]
        return ranges.contains { $0.contains(s.value) }
    }
}
