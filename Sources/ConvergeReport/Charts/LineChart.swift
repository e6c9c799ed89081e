/// One metric curve in a `LineChart`.
public struct LineSeries: Sendable {
    public var label: String
    /// Index 0 is turn 1; nil leaves a gap.
    public var values: [Double?]
    /// Drawn as a dashed line in the series' colour.
    public var threshold: Double?

    public init(label: String, values: [Double?], threshold: Double? = nil) {
        self.label = label
        self.values = values
        self.threshold = threshold
    }
}

/// A vertical line at a turn, such as a detector's onset.
public struct TurnMarker: Sendable {
    public var turn: Int
    public var label: String

    public init(turn: Int, label: String) {
        self.turn = turn
        self.label = label
    }
}

/// Per-turn metric curves of one conversation, with each series' threshold dashed and each onset
/// marked by a vertical line; the turns after the first onset are shaded.
public struct LineChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var yTitle: String
    public var series: [LineSeries]
    public var onsets: [TurnMarker]

    public init(
        title: String, subtitle: String? = nil, yTitle: String = "distance", series: [LineSeries],
        onsets: [TurnMarker] = []
    ) {
        self.title = title
        self.subtitle = subtitle
        self.yTitle = yTitle
        self.series = series
        self.onsets = onsets
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        var legend = series.enumerated().map { LegendItem(label: $1.label, swatch: .line(color: Palette.color($0), dashed: false)) }
        if series.contains(where: { $0.threshold != nil }) {
            legend.append(LegendItem(label: "threshold", swatch: .line(color: Palette.muted, dashed: true)))
        }
        let canvas = SVGCanvas(title: title, subtitle: subtitle, legend: legend)
        let turnCount = max(series.map(\.values.count).max() ?? 1, onsets.map(\.turn).max() ?? 1, 2)
        let values = series.flatMap { $0.values.compactMap { $0 } + [$0.threshold].compactMap { $0 } }
        let axes = CartesianAxes(
            area: canvas.plot,
            xTicks: Ticks(covering: 1, Double(turnCount), count: 8, integer: true),
            yTicks: Ticks(covering: min(0, values.min() ?? 0), max(values.max() ?? 1, 0.1)),
            xTitle: "turn", yTitle: yTitle
        )
        return canvas.document(axes.draw() + onsetMarks(axes) + thresholds(axes) + curves(axes))
    }

    private func onsetMarks(_ axes: CartesianAxes) -> Markup {
        let area = axes.area
        var parts: [Markup] = []
        if let first = onsets.map(\.turn).min() {
            let x0 = axes.x(Double(first))
            parts.append(
                #"<rect x="\#(x0)" y="\#(area.y)" width="\#(max(0, area.right - x0))" height="\#(area.height)" fill="black" fill-opacity="0.05"/>"#
            )
        }
        for (index, onset) in onsets.enumerated() {
            let x = axes.x(Double(onset.turn))
            let dash: Markup = index == 0 ? .empty : #" stroke-dasharray="2 3""#
            parts.append(
                #"<line x1="\#(x)" y1="\#(area.y)" x2="\#(x)" y2="\#(area.bottom)" stroke="\#(Palette.ink)" stroke-width="1.5"\#(dash)/>"#
            )
            let labelY = area.y + 11 + Double(index) * 12
            parts.append(#"<text class="cv-note" x="\#(x + 4)" y="\#(labelY)">\#(onset.label) (turn \#(onset.turn))</text>"#)
        }
        return #"<g class="cv-onsets">\#(parts)</g>"#
    }

    private func thresholds(_ axes: CartesianAxes) -> Markup {
        let parts: [Markup] = series.enumerated().compactMap { index, series in
            guard let threshold = series.threshold else { return nil }
            let y = axes.y(threshold)
            return
                #"<line x1="\#(axes.area.x)" y1="\#(y)" x2="\#(axes.area.right)" y2="\#(y)" stroke="\#(Palette.color(index))" stroke-width="1.2" stroke-dasharray="6 4" opacity="0.85"><title>\#(series.label) threshold \#(String(threshold))</title></line>"#
        }
        return #"<g class="cv-thresholds">\#(parts)</g>"#
    }

    private func curves(_ axes: CartesianAxes) -> Markup {
        let parts: [Markup] = series.enumerated().map { index, series in
            let color = Palette.color(index)
            let points = series.values.enumerated().map { turn, value in
                value.map { (x: axes.x(Double(turn + 1)), y: axes.y($0)) }
            }
            let dots: [Markup] = points.compactMap { point in
                point.map { #"<circle cx="\#($0.x)" cy="\#($0.y)" r="2.2" fill="\#(color)"/>"# }
            }
            return
                #"<g><title>\#(series.label)</title><path d="\#(polylinePath(points))" fill="none" stroke="\#(color)" stroke-width="1.8" stroke-linejoin="round"/>\#(dots)</g>"#
        }
        return #"<g class="cv-series">\#(parts)</g>"#
    }
}
