/// Gridlines, axis lines, tick labels and axis titles for a chart with two numeric axes.
struct CartesianAxes {
    var area: PlotArea
    var xTicks: Ticks
    var yTicks: Ticks
    var xTitle: String
    var yTitle: String
    /// Tick labels for x, when the axis is categorical or needs words; nil prints the numbers.
    var xLabels: [Double: String]? = nil

    var x: LinearScale { LinearScale(domain: xTicks.domain, range: (area.x, area.right)) }
    var y: LinearScale { LinearScale(domain: yTicks.domain, range: (area.bottom, area.y)) }

    /// The axes, drawn under the data.
    func draw() -> Markup {
        var parts: [Markup] = []
        for value in yTicks.values {
            let py = y(value)
            parts.append(#"<line class="cv-grid" x1="\#(area.x)" y1="\#(py)" x2="\#(area.right)" y2="\#(py)"/>"#)
            parts.append(
                #"<text class="cv-tick" x="\#(area.x - 6)" y="\#(py + 3.5)" text-anchor="end">\#(yTicks.label(value))</text>"#
            )
        }
        for value in xTicks.values {
            let px = x(value)
            let label = xLabels?[value] ?? xTicks.label(value)
            parts.append(#"<line class="cv-axis" x1="\#(px)" y1="\#(area.bottom)" x2="\#(px)" y2="\#(area.bottom + 4)"/>"#)
            parts.append(
                #"<text class="cv-tick" x="\#(px)" y="\#(area.bottom + 15)" text-anchor="middle">\#(label)</text>"#
            )
        }
        parts.append(
            #"<path class="cv-axis" d="M\#(area.x) \#(area.y)V\#(area.bottom)H\#(area.right)"/>"#
        )
        parts.append(axisTitles(area: area, xTitle: xTitle, yTitle: yTitle))
        return #"<g class="cv-axes">\#(parts)</g>"#
    }
}

/// The x title centred under the plot and the y title rotated along its left side.
func axisTitles(area: PlotArea, xTitle: String, yTitle: String, yOffset: Double = 42) -> Markup {
    let cx = area.x + area.width / 2
    let cy = area.y + area.height / 2
    let yx = area.x - yOffset
    return #"<text class="cv-axis-title" x="\#(cx)" y="\#(area.bottom + 34)" text-anchor="middle">\#(xTitle)</text>"#
        + #"<text class="cv-axis-title" x="\#(yx)" y="\#(cy)" text-anchor="middle" transform="rotate(-90 \#(yx) \#(cy))">\#(yTitle)</text>"#
}

/// An SVG path through the points, broken into separate runs wherever a value is missing.
func polylinePath(_ points: [(x: Double, y: Double)?]) -> String {
    var d = ""
    var penDown = false
    for point in points {
        guard let point else {
            penDown = false
            continue
        }
        d += (penDown ? "L" : "M") + svgNumber(point.x) + " " + svgNumber(point.y)
        penDown = true
    }
    return d
}
