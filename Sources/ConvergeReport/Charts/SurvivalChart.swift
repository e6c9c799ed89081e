/// One condition's Kaplan–Meier curve: the step function of survival with its 95% band.
public struct SurvivalCurve: Sendable, Equatable {
    public var label: String
    /// Time 0 first, then each step time, ascending.
    public var times: [Double]
    public var survival: [Double]
    public var lower: [Double]
    public var upper: [Double]

    public init(label: String, times: [Double], survival: [Double], lower: [Double], upper: [Double]) {
        self.label = label
        self.times = times
        self.survival = survival
        self.lower = lower
        self.upper = upper
    }
}

/// Kaplan–Meier curves of time to loop, one colour per condition: the share of conversations not yet
/// looping at each turn, drawn as right-continuous steps, with the 95% band shaded.
public struct SurvivalChart: Sendable {
    public var title: String
    public var curves: [SurvivalCurve]
    /// The last turn, where the x axis ends.
    public var lastTurn: Double

    public init(title: String, curves: [SurvivalCurve], lastTurn: Double) {
        self.title = title
        self.curves = curves
        self.lastTurn = lastTurn
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let legend = curves.enumerated().map { LegendItem(label: $1.label, swatch: .line(color: Palette.color($0), dashed: false)) }
        let canvas = SVGCanvas(title: title, subtitle: "Kaplan–Meier, 95% exponential Greenwood band; never looped = censored at the last turn", legend: legend)
        let axes = CartesianAxes(
            area: canvas.plot, xTicks: Ticks(covering: 0, max(lastTurn, 2), count: 8, integer: true), yTicks: Ticks(covering: 0, 1),
            xTitle: "turn", yTitle: "not yet looping")
        let parts: [Markup] = curves.enumerated().map { index, curve in
            let color = Palette.color(index)
            let line = steps(curve.times, curve.survival, axes)
            let top = steps(curve.times, curve.upper, axes), bottom = steps(curve.times, curve.lower, axes)
            let band = (top + bottom.reversed()).map { svgNumber($0.x) + "," + svgNumber($0.y) }.joined(separator: " ")
            return
                #"<g><title>\#(curve.label)</title><polygon points="\#(band)" fill="\#(color)" fill-opacity="0.12" stroke="none"/><path d="\#(polylinePath(line))" fill="none" stroke="\#(color)" stroke-width="1.8"/></g>"#
        }
        return canvas.document(axes.draw() + #"<g class="cv-series">\#(parts)</g>"#)
    }

    /// The right-continuous step path through (time, value), held flat to the last turn.
    func steps(_ times: [Double], _ values: [Double], _ axes: CartesianAxes) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        for (index, time) in times.enumerated() {
            if index > 0 { points.append((axes.x(time), axes.y(values[index - 1]))) }
            points.append((axes.x(time), axes.y(values[index])))
        }
        if let last = values.last { points.append((axes.x(max(lastTurn, times.last ?? 0)), axes.y(last))) }
        return points
    }
}
