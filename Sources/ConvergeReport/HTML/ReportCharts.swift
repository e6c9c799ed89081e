import ConvergeCore
import ConvergeDetection

/// One chart of the report, ready to inline or to write as `NAME.svg`.
public struct NamedChart: Sendable {
    /// A file stem made of letters, digits and dashes, e.g. `convergence-rate` or `conversation-3-metrics`.
    public var name: String
    public var svg: String
}

/// Every chart the report shows, in page order: run-wide charts first, then each conversation's.
/// - Parameter input: the report's data.
/// - Returns: the charts; kinds without data (no t-SNE points, no similarity matrix) are left out.
public func reportCharts(_ input: ReportInput) -> [NamedChart] {
    runCharts(input) + input.conversations.flatMap { conversationCharts($0, input: input) }
}

/// The charts summarising the whole run.
func runCharts(_ input: ReportInput) -> [NamedChart] {
    var charts: [NamedChart] = []
    if !input.detectors.isEmpty {
        let rates = input.detectors.map {
            RateEstimate(label: "\($0.verdict.rawValue) detector", rate: $0.rate)
        }
        charts.append(NamedChart(name: "convergence-rate", svg: RateChart(title: "Convergence rate", rates: rates).svg()))
        let groups = input.detectors.map { OnsetGroup(label: "\($0.verdict.rawValue) detector", outcome: $0) }
        let histogram = OnsetHistogram(title: "Onset of convergence", groups: groups, turnCount: turnCount(input))
        charts.append(NamedChart(name: "onset-histogram", svg: histogram.svg()))
    }
    if !input.survival.isEmpty {
        let lastTurn = max(Double(turnCount(input)), input.survival.compactMap { $0.times.last }.max() ?? 0)
        let chart = SurvivalChart(title: "Time to loop, per verdict", curves: input.survival, lastTurn: lastTurn)
        charts.append(NamedChart(name: "time-to-loop", svg: chart.svg()))
    }
    var pairs: [String] = []
    for series in input.aggregates where !pairs.contains(series.pair) { pairs.append(series.pair) }
    for pair in pairs {
        let series = input.aggregates.filter { $0.pair == pair }.map {
            BandSeries(label: $0.metric, mean: $0.mean, low: $0.low, high: $0.high)
        }
        let chart = BandChart(
            title: "Mean per turn: \(pair) pair", subtitle: pairDescription(pair) + "; shaded: 95% band", series: series
        )
        charts.append(NamedChart(name: "aggregate-" + fileStem(pair), svg: chart.svg()))
    }
    if !input.tsnePoints.isEmpty {
        let kl = input.tsneKLDivergence.map { "final KL divergence " + String($0) } ?? "KL divergence not recorded"
        let chart = TSNEMapChart(title: "t-SNE map of outputs and seeds", subtitle: kl, points: input.tsnePoints)
        charts.append(NamedChart(name: "tsne-map", svg: chart.svg()))
    }
    return charts
}

/// The longest conversation's last turn, 0 without conversations.
func turnCount(_ input: ReportInput) -> Int {
    input.conversations.map { $0.turns.map(\.turn).max() ?? 0 }.max() ?? 0
}

/// One conversation's metric curves and, when present, its recurrence plot.
func conversationCharts(_ conversation: ConversationReport, input: ReportInput) -> [NamedChart] {
    let onsets = conversation.detections.compactMap { detection in
        detection.onset.map { TurnMarker(turn: $0, label: "\(detection.detector) onset") }
    }
    let title = "Conversation \(conversation.label)"
    let subtitle = "seed: " + excerpt(conversation.seed, limit: 90)
    var charts: [NamedChart] = []
    let columns = chartColumns(conversation, requested: input.chartColumns)
    if !columns.isEmpty {
        let series = columns.map {
            LineSeries(label: $0, values: conversation.series[$0] ?? [], threshold: conversation.thresholds[$0])
        }
        let chart = LineChart(title: title + ": metrics per turn", subtitle: subtitle, series: series, onsets: onsets)
        charts.append(NamedChart(name: "conversation-\(conversation.id)-metrics", svg: chart.svg()))
    }
    if let matrix = conversation.similarity {
        let chart = HeatmapChart(title: title + ": turn × turn " + matrix.label, subtitle: subtitle, matrix: matrix, onsets: onsets)
        charts.append(NamedChart(name: "conversation-\(conversation.id)-similarity", svg: chart.svg()))
    }
    return charts
}

/// The requested columns that exist; otherwise the ones with thresholds (what the detectors use),
/// otherwise all. At most seven, the number of distinct palette colours.
func chartColumns(_ conversation: ConversationReport, requested: [String]?) -> [String] {
    let available = conversation.series.keys.sorted()
    let thresholded = available.filter { conversation.thresholds[$0] != nil }
    let chosen = requested?.filter { conversation.series[$0] != nil } ?? (thresholded.isEmpty ? available : thresholded)
    return Array(chosen.prefix(Palette.categorical.count))
}

func pairDescription(_ pair: String) -> String {
    switch pair {
    case "prev": return "output vs the previous output (A vs B)"
    case "self": return "output vs the same model's previous output"
    case "seed": return "output vs the seed"
    default: return pair
    }
}

/// Keeps letters, digits and dashes so a name is safe as a file stem and an element id.
func fileStem(_ text: String) -> String {
    let kept = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
    return String(kept)
}
