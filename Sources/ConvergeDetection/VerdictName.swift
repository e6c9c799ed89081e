/// The named verdicts every output carries, each with its own `converged` flag and onset
/// (docs/METRICS.md, "Verdicts"). The raw value is the verdict's key in `summary.json`.
///
/// "Converged" has more than one honest meaning, so none of them is silently the verdict: the
/// three loop verdicts differ only in how they treat a loop that ends before the conversation does.
public enum VerdictName: String, CaseIterable, Codable, CodingKey, CodingKeyRepresentable, Sendable {
    /// The loop detector's episode lasts to the last turn.
    case loopingAtEnd = "looping_at_end"
    /// Looping at the end, or looping for at least m of the last w turns: a long loop that breaks
    /// off in the final turn or two still counts.
    case dominantLoop = "dominant_loop"
    /// A loop of at least k looping turns happened at some point.
    case everLooped = "ever_looped"
    /// The study's rule: four distances between consecutive outputs all below their thresholds
    /// for 3 consecutive turns.
    case studyRule = "study_rule"
    /// A rule of the study's form with metrics, thresholds and combination fitted to labels.
    case fittedRule = "fitted_rule"

    /// The verdict to use when only one is wanted: the one that agrees best with careful readers
    /// who were not told any rule (docs/METRICS.md, "Default verdict").
    public static let defaultVerdict = VerdictName.dominantLoop

    /// The verdict in words, for terminal tables and the report.
    public var title: String {
        switch self {
        case .loopingAtEnd: "looping at end"
        case .dominantLoop: "dominant loop"
        case .everLooped: "ever looped"
        case .studyRule: "study rule"
        case .fittedRule: "fitted rule"
        }
    }
}
