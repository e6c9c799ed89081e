import ConvergeDetection
import ConvergeMetrics

/// Names each cluster by the word n-grams that set it apart (docs/ATLAS.md, "Names").
///
/// An n-gram (one to three words) scores the share of the cluster's spans that contain it minus the
/// share of the other spans that do; the name joins the three best that at least half the cluster
/// contains, leaving out any n-gram inside one already chosen. Ties go to the longer n-gram, then
/// the alphabetically first, so a name never depends on hash order.
enum ClusterNaming {
    static let parts = 3

    /// - Parameters:
    ///   - clusters: item indices per cluster.
    ///   - texts: each item's texts.
    /// - Returns: per cluster, its distinguishing n-grams, best first (possibly empty).
    static func ngrams(_ clusters: [[Int]], texts: [[String]]) -> [[String]] {
        let sets = texts.map { grams(of: $0) }
        var total: [String: Int] = [:]
        for set in sets { for gram in set { total[gram, default: 0] += 1 } }
        return clusters.map { members in
            var inside: [String: Int] = [:]
            for member in members { for gram in sets[member] { inside[gram, default: 0] += 1 } }
            let others = sets.count - members.count
            let scored = inside.filter { 2 * $0.value >= members.count }.map { gram, count in
                let outside = others == 0 ? 0 : Double(total[gram]! - count) / Double(others)
                return (gram: gram, score: Double(count) / Double(members.count) - outside, length: gram.split(separator: " ").count)
            }
            let ranked = scored.sorted { ($0.score, $0.length) != ($1.score, $1.length) ? ($0.score, $0.length) > ($1.score, $1.length) : $0.gram < $1.gram }
            var chosen: [String] = []
            for candidate in ranked where chosen.count < parts && candidate.score > 0 {
                if chosen.contains(where: { " \($0) ".contains(" \(candidate.gram) ") }) { continue }
                chosen.append(candidate.gram)
            }
            return chosen
        }
    }

    private static func grams(of texts: [String]) -> Set<String> {
        var set = Set<String>()
        for text in texts {
            let words = WordTokens.words(text)
            for n in 1...3 { set.formUnion(EchoedPhrase.phrases(words, n)) }
        }
        return set
    }
}
