/// One aggregate curve in a `BandChart`: the mean per turn and its 95% band.
public struct BandSeries: Sendable {
    public var label: String
    /// Index 0 is turn 1; nil leaves a gap in both the line and the band.
    public var mean: [Double?]
    public var low: [Double?]
    public var high: [Double?]

    public init(label: String, mean: [Double?], low: [Double?], high: [Double?]) {
        self.label = label
        self.mean = mean
        self.low = low
        self.high = high
    }
}

/// The mean of several metrics per turn over all conversations, each with a shaded 95% band.
public struct BandChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var yTitle: String
    public var series: [BandSeries]

    public init(title: String, subtitle: String? = nil, yTitle: String = "mean distance", series: [BandSeries]) {
        self.title = title
        self.subtitle = subtitle
        self.yTitle = yTitle
        self.series = series
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let legend = series.enumerated().map { LegendItem(label: $1.label, swatch: .band(color: Palette.color($0))) }
        let canvas = SVGCanvas(title: title, subtitle: subtitle, legend: legend)
        let turnCount = max(series.map(\.mean.count).max() ?? 1, 2)
        let values = series.flatMap { ($0.mean + $0.low + $0.high).compactMap { $0 } }
        let axes = CartesianAxes(
            area: canvas.plot,
            xTicks: Ticks(covering: 1, Double(turnCount), count: 8, integer: true),
            yTicks: Ticks(covering: min(0, values.min() ?? 0), max(values.max() ?? 1, 0.1)),
            xTitle: "turn", yTitle: yTitle
        )
        let bands: [Markup] = series.enumerated().map { band($1, color: Palette.color($0), axes: axes) }
        let lines: [Markup] = series.enumerated().map { index, series in
            let points = series.mean.enumerated().map { turn, value in
                value.map { (x: axes.x(Double(turn + 1)), y: axes.y($0)) }
            }
            return
                #"<path d="\#(polylinePath(points))" fill="none" stroke="\#(Palette.color(index))" stroke-width="2" stroke-linejoin="round"><title>\#(series.label)</title></path>"#
        }
        return canvas.document(axes.draw() + #"<g class="cv-bands">\#(bands)</g><g class="cv-series">\#(lines)</g>"#)
    }

    /// One closed polygon per run of turns where both band edges are known.
    private func band(_ series: BandSeries, color: String, axes: CartesianAxes) -> Markup {
        var runs: [[(turn: Int, low: Double, high: Double)]] = [[]]
        for index in 0..<min(series.low.count, series.high.count) {
            if let low = series.low[index], let high = series.high[index] {
                runs[runs.count - 1].append((index + 1, low, high))
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        let polygons: [Markup] = runs.filter { !$0.isEmpty }.map { run in
            let upper = run.map { (x: axes.x(Double($0.turn)), y: axes.y($0.high)) }
            let lower = run.reversed().map { (x: axes.x(Double($0.turn)), y: axes.y($0.low)) }
            let d = polylinePath((upper + lower).map { Optional($0) }) + "Z"
            return #"<path d="\#(d)" fill="\#(color)" fill-opacity="0.18" stroke="none"/>"#
        }
        return polygons.joined()
    }
}
