import ConvergeDetection
import ConvergeMetrics

/// The shape a loop takes on the page (docs/ATLAS.md, "Loop forms"), read from the span's texts
/// alone so that the type of a cluster does not depend on the embedding model.
public enum LoopForm: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable, Comparable {
    /// Numbered or bulleted items, or counting, carry the loop.
    case listScaffold = "list_scaffold"
    /// Each agent repeats its own previous turn while the two differ: A, B, A, B.
    case periodTwoCycle = "period_2_cycle"
    /// The same words again, from turn to turn or inside a turn.
    case verbatimRepetition = "verbatim_repetition"
    /// Turns that otherwise differ all carry one phrase of at least two words.
    case echoedPhrase = "echoed_phrase"
    /// Close in meaning with no verbatim repeats.
    case semanticCircling = "semantic_circling"

    public static func < (lhs: LoopForm, rhs: LoopForm) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Word overlap (1 − Jaccard distance) at or above which two turns count as the same text.
    static let sameText = 0.6
    /// rep-4 inside one turn at or above which the turn repeats itself.
    static let selfRepeating = 0.4

    /// Classifies a looping span. The checks run from the most specific form to the least, so a
    /// numbered list that also repeats is a scaffold, and a cycle is not called plain repetition.
    /// - Parameter texts: the span's outputs in turn order.
    /// - Returns: the form.
    public static func classify(_ texts: [String]) -> LoopForm {
        let overlap = { (a: String, b: String) in 1 - JaccardDistance.distance(a, b) }
        let previous = mean(zip(texts.dropFirst(), texts).map(overlap))
        let own = mean(zip(texts.dropFirst(2), texts).map(overlap))
        let inside = mean(texts.compactMap { RepN.value($0, n: 4) })
        let scaffolded = texts.filter { ListMarkers.count(in: $0) >= 2 }.count
        if texts.count > 0, 2 * scaffolded >= texts.count { return .listScaffold }
        if let own, own >= sameText, own - (previous ?? 0) >= 0.25 { return .periodTwoCycle }
        if (previous ?? 0) >= sameText || (inside ?? 0) >= selfRepeating { return .verbatimRepetition }
        if texts.count >= 2, EchoedPhrase.find(in: texts) != nil { return .echoedPhrase }
        return .semanticCircling
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
