/// Counts of word n-grams, the shared basis of distinct-n and rep-n.
///
/// Tokens are `WordTokens` (lowercased letter-and-digit runs), so punctuation and case do not make
/// two repetitions of a phrase look different.
struct NGrams {
    let total: Int
    let unique: Int

    init(_ text: String, order n: Int) {
        precondition(n >= 1, "n-gram order must be at least 1, got \(n)")
        let words = WordTokens.scalarWords(text)
        guard words.count >= n else {
            total = 0
            unique = 0
            return
        }
        var seen = Set<ArraySlice<[Unicode.Scalar]>>()
        for start in 0...(words.count - n) { seen.insert(words[start..<(start + n)]) }
        total = words.count - n + 1
        unique = seen.count
    }
}
