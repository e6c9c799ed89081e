import ConvergeDetection
import ConvergeMetrics

/// The phrase a loop keeps echoing: the longest run of words, two to eight long, that every turn of
/// the span contains.
enum EchoedPhrase {
    static let shortest = 2
    static let longest = 8

    /// - Parameter texts: the span's outputs.
    /// - Returns: the phrase as lowercased words joined by spaces; nil when no phrase of at least
    ///   two words occurs in every text. Among phrases of equal length the alphabetically first wins.
    static func find(in texts: [String]) -> String? {
        let words = texts.map(WordTokens.words)
        guard let first = words.first else { return nil }
        for n in stride(from: longest, through: shortest, by: -1) {
            let shared = words.dropFirst().reduce(phrases(first, n)) { $0.intersection(phrases($1, n)) }
            if let phrase = shared.min() { return phrase }
        }
        return nil
    }

    static func phrases(_ words: [String], _ n: Int) -> Set<String> {
        guard words.count >= n else { return [] }
        return Set((0...(words.count - n)).map { words[$0..<($0 + n)].joined(separator: " ") })
    }
}
