/// The sentence splitter behind `Coherence` (docs/METRICS.md, "Coherence").
///
/// A deliberately simple, deterministic rule rather than a trained splitter, so that anyone can
/// reimplement it from the docs and get the same sentences. It errs towards splitting (after
/// "Mr." too), which costs little: coherence compares neighbours, and a spurious split joins two
/// closely related pieces.
public enum SentenceSplitter {
    /// Splits a text into sentences.
    ///
    /// A sentence ends at a line break; after a run of `.` `!` `?` `…` (with any closing quotes or
    /// brackets) that is followed by whitespace or the end; or right after `。` `！` `？`, which need
    /// no space. Pieces are trimmed, and pieces with no letter or digit (a lone "..." or "—") are
    /// dropped, as they carry no meaning to embed. A trailing fragment cut by the token limit
    /// counts as a sentence.
    /// - Parameter text: the text.
    /// - Returns: the sentences in order, possibly none.
    public static func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            let piece = scalars[start..<end]
            if piece.contains(where: PythonText.isAlnum) {
                let trimmed = piece.drop(while: PythonText.isSpace).reversed().drop(while: PythonText.isSpace)
                sentences.append(String(String.UnicodeScalarView(trimmed.reversed())))
            }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\n" || scalar == "\r" || fullWidthTerminals.contains(scalar) {
                close(at: index)
            } else if terminals.contains(scalar) {
                while index < scalars.count, terminals.contains(scalars[index]) || closers.contains(scalars[index]) {
                    index += 1
                }
                if index == scalars.count || PythonText.isSpace(scalars[index]) { close(at: index) }
            }
        }
        close(at: scalars.count)
        return sentences
    }

    private static let terminals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    private static let fullWidthTerminals: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF01}", "\u{FF1F}"]
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}"]
}
