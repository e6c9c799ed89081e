/// A turn × turn similarity matrix drawn as a recurrence plot: turn 1 at the top left, one cell per
/// pair of outputs, viridis from low (dark) to high (yellow) similarity, with its colour scale.
/// A loop shows up as a bright checkerboard or block in the lower right.
public struct HeatmapChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var matrix: SimilarityMatrix
    /// Drawn as lines across the plot at these turns.
    public var onsets: [TurnMarker]

    public init(title: String, subtitle: String? = nil, matrix: SimilarityMatrix, onsets: [TurnMarker] = []) {
        self.title = title
        self.subtitle = subtitle
        self.matrix = matrix
        self.onsets = onsets
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        // The plot is square; the canvas height follows from the width so no space is left blank.
        var canvas = SVGCanvas(width: 470, height: 0, title: title, subtitle: subtitle, margins: (56, 116, 46))
        canvas.height = canvas.width + 200
        canvas.height -= canvas.plot.height - canvas.plot.width
        let area = canvas.plot
        let n = matrix.values.count
        let cell = area.width / Double(max(n, 1))
        let (low, high) = (matrix.domain.lowerBound, matrix.domain.upperBound)
        let normalised = { (value: Double) in high == low ? 0.5 : (value - low) / (high - low) }
        var cells: [Markup] = []
        for (i, row) in matrix.values.enumerated() {
            for (j, value) in row.enumerated() where j < n {
                let x = area.x + Double(j) * cell
                let y = area.y + Double(i) * cell
                // The extra 0.3 hides hairline seams between neighbouring cells in some renderers.
                cells.append(#"<rect x="\#(x)" y="\#(y)" width="\#(cell + 0.3)" height="\#(cell + 0.3)" fill="\#(Palette.viridis(normalised(value)))"/>"#)
            }
        }
        return canvas.document(
            #"<g class="cv-cells">\#(cells)</g>"# + turnAxes(area: area, cell: cell, n: n)
                + onsetLines(area: area, cell: cell) + colourScale(area: area)
        )
    }

    /// Tick labels at cell centres, every turn when few, otherwise every fifth.
    private func turnAxes(area: PlotArea, cell: Double, n: Int) -> Markup {
        let every = n <= 12 ? 1 : 5
        var parts: [Markup] = [#"<rect class="cv-axis" x="\#(area.x)" y="\#(area.y)" width="\#(area.width)" height="\#(area.height)"/>"#]
        for index in 0..<n {
            let turn = matrix.firstTurn + index
            guard turn % every == 0 || index == 0 else { continue }
            let c = Double(index) * cell + cell / 2
            parts.append(#"<text class="cv-tick" x="\#(area.x + c)" y="\#(area.bottom + 14)" text-anchor="middle">\#(turn)</text>"#)
            parts.append(#"<text class="cv-tick" x="\#(area.x - 6)" y="\#(area.y + c + 3.5)" text-anchor="end">\#(turn)</text>"#)
        }
        parts.append(axisTitles(area: area, xTitle: "turn", yTitle: "turn", yOffset: 34))
        return parts.joined()
    }

    private func onsetLines(area: PlotArea, cell: Double) -> Markup {
        let parts: [Markup] = onsets.enumerated().map { index, onset in
            let at = Double(onset.turn - matrix.firstTurn) * cell
            let dash: Markup = index == 0 ? .empty : #" stroke-dasharray="3 3""#
            let style: Markup = #"stroke="white" stroke-width="1.2"\#(dash)"#
            return
                #"<g><title>\#(onset.label) (turn \#(onset.turn))</title><line x1="\#(area.x + at)" y1="\#(area.y)" x2="\#(area.x + at)" y2="\#(area.bottom)" \#(style)/><line x1="\#(area.x)" y1="\#(area.y + at)" x2="\#(area.right)" y2="\#(area.y + at)" \#(style)/></g>"#
        }
        return parts.joined()
    }

    /// The colour scale, as stacked rects rather than a gradient so no element id can clash.
    private func colourScale(area: PlotArea) -> Markup {
        let x = area.right + 24
        let steps = 40
        let height = area.height * 0.8
        let step = height / Double(steps)
        let ticks = Ticks(covering: matrix.domain.lowerBound, matrix.domain.upperBound, count: 4)
        let scale = LinearScale(domain: (matrix.domain.lowerBound, matrix.domain.upperBound), range: (area.y + height, area.y))
        var parts: [Markup] = [#"<text class="cv-tick" x="\#(x + 12)" y="\#(area.y - 6)" text-anchor="end">\#(matrix.label)</text>"#]
        for index in 0..<steps {
            let top = area.y + Double(index) * step
            let fill = Palette.viridis(1 - (Double(index) + 0.5) / Double(steps))
            parts.append(#"<rect x="\#(x)" y="\#(top)" width="12" height="\#(step + 0.3)" fill="\#(fill)"/>"#)
        }
        for value in ticks.values where matrix.domain.contains(value) {
            parts.append(#"<text class="cv-tick" x="\#(x + 16)" y="\#(scale(value) + 3.5)">\#(ticks.label(value))</text>"#)
        }
        return #"<g class="cv-scale">\#(parts)</g>"#
    }
}
