public import ConvergeDetection

/// The onset turns of one verdict; its total counts every conversation, converged or not, so the
/// chart can say how many never converged.
public struct OnsetGroup: Sendable {
    public var label: String
    public var outcome: VerdictOutcome

    public init(label: String, outcome: VerdictOutcome) {
        self.label = label
        self.outcome = outcome
    }
}

/// How many conversations converged at each turn, one bar per detector side by side.
public struct OnsetHistogram: Sendable {
    public var title: String
    public var groups: [OnsetGroup]
    /// The last turn on the axis (the run's turn count).
    public var turnCount: Int

    public init(title: String, groups: [OnsetGroup], turnCount: Int) {
        self.title = title
        self.groups = groups
        self.turnCount = turnCount
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let never = groups.map { "\($0.label): \($0.outcome.total - $0.outcome.converged) of \($0.outcome.total)" }.joined(separator: ", ")
        let legend = groups.enumerated().map { LegendItem(label: $1.label, swatch: .bar(color: Palette.color($0))) }
        let canvas = SVGCanvas(title: title, subtitle: "never converged — " + never, legend: legend)
        let lastTurn = max(turnCount, groups.flatMap(\.outcome.onsets).max() ?? 1, 1)
        let counts = groups.map { group in
            (0...lastTurn).map { turn in group.outcome.onsets.filter { $0 == turn }.count }
        }
        let axes = CartesianAxes(
            area: canvas.plot,
            xTicks: Ticks(covering: 0, Double(lastTurn + 1), count: 8, integer: true),
            yTicks: Ticks(covering: 0, Double(max(counts.flatMap { $0 }.max() ?? 1, 1)), count: 5, integer: true),
            xTitle: "onset turn", yTitle: "conversations"
        )
        let slot = axes.x(1) - axes.x(0)
        let barWidth = slot * 0.8 / Double(max(groups.count, 1))
        var bars: [Markup] = []
        for (groupIndex, groupCounts) in counts.enumerated() {
            let color = Palette.color(groupIndex)
            for (turn, count) in groupCounts.enumerated() where count > 0 {
                let x = axes.x(Double(turn)) - slot * 0.4 + barWidth * Double(groupIndex)
                let top = axes.y(Double(count))
                let label = "\(groups[groupIndex].label): \(count) at turn \(turn)"
                bars.append(
                    #"<rect x="\#(x)" y="\#(top)" width="\#(barWidth)" height="\#(axes.area.bottom - top)" fill="\#(color)"><title>\#(label)</title></rect>"#
                )
            }
        }
        return canvas.document(axes.draw() + #"<g class="cv-bars">\#(bars)</g>"#)
    }
}
