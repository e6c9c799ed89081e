import ConvergeCore

/// Every conversation's trajectory through the t-SNE map of outputs and seeds.
///
/// Each step is a segment coloured by its turn (viridis, dark = early), outputs of A are circles and
/// of B triangles, seeds are diamonds, and each trajectory's start and end are ringed. With
/// `highlight` set, the other conversations fade to grey so one path can be followed.
public struct TSNEMapChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var points: [TSNEPoint]
    public var highlight: Int?

    public init(title: String, subtitle: String? = nil, points: [TSNEPoint], highlight: Int? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.points = points
        self.highlight = highlight
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let legend = [
            LegendItem(label: "A output", swatch: .marker(.circle, fill: Palette.viridis(0.45), stroke: "#FFFFFF")),
            LegendItem(label: "B output", swatch: .marker(.triangle, fill: Palette.viridis(0.45), stroke: "#FFFFFF")),
            LegendItem(label: "seed", swatch: .marker(.diamond, fill: "#FFFFFF", stroke: Palette.ink)),
            LegendItem(label: "start", swatch: .marker(.circle, fill: "none", stroke: Palette.ink)),
            LegendItem(label: "end", swatch: .marker(.square, fill: "none", stroke: Palette.ink)),
        ]
        let canvas = SVGCanvas(height: 600, title: title, subtitle: subtitle, legend: legend, margins: (40, 90, 40))
        let area = canvas.plot
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let pad = 12.0
        let x = LinearScale(domain: (xs.min() ?? 0, xs.max() ?? 1), range: (area.x + pad, area.right - pad))
        let y = LinearScale(domain: (ys.min() ?? 0, ys.max() ?? 1), range: (area.bottom - pad, area.y + pad))
        let maxTurn = max(points.map(\.turn).max() ?? 1, 1)
        let color = { (turn: Int) in Palette.viridis(0.9 * Double(turn) / Double(maxTurn)) }

        let byConversation = Dictionary(grouping: points, by: \.conversation)
        let order = byConversation.keys.sorted { ($0 == highlight ? 1 : 0, $0) < ($1 == highlight ? 1 : 0, $1) }
        var paths: [Markup] = []
        for conversation in order {
            let path = byConversation[conversation, default: []].sorted { ($0.isSeed ? 0 : 1, $0.turn) < ($1.isSeed ? 0 : 1, $1.turn) }
            let faded = highlight != nil && highlight != conversation
            paths.append(trajectory(path, x: x, y: y, color: faded ? { _ in "#C8C8C8" } : color, faded: faded))
        }
        let frame: Markup = #"<rect class="cv-axis" x="\#(area.x)" y="\#(area.y)" width="\#(area.width)" height="\#(area.height)"/>"#
        return canvas.document(
            frame + axisTitles(area: area, xTitle: "t-SNE 1", yTitle: "t-SNE 2", yOffset: 14)
                + paths.joined() + turnScale(area: area, maxTurn: maxTurn, color: color)
        )
    }

    private func trajectory(
        _ path: [TSNEPoint], x: LinearScale, y: LinearScale, color: (Int) -> String, faded: Bool
    ) -> Markup {
        guard let first = path.first, let last = path.last else { return .empty }
        var parts: [Markup] = []
        for (from, to) in zip(path, path.dropFirst()) {
            parts.append(
                #"<line x1="\#(x(from.x))" y1="\#(y(from.y))" x2="\#(x(to.x))" y2="\#(y(to.y))" stroke="\#(color(to.turn))" stroke-width="1.3" stroke-opacity="0.7"/>"#
            )
        }
        let ink = faded ? "#B0B0B0" : Palette.ink
        for point in path {
            let shape: MarkerShape = point.isSeed ? .diamond : point.agent == .b ? .triangle : .circle
            let fill = point.isSeed ? "#FFFFFF" : color(point.turn)
            let stroke = point.isSeed ? ink : "#FFFFFF"
            let who = point.isSeed ? "seed" : "turn \(point.turn) (\(point.agent?.rawValue ?? "?"))"
            let tip = "conversation \(point.conversation), \(who): " + excerpt(point.label, limit: 160)
            let marker = shape.draw(cx: x(point.x), cy: y(point.y), size: 3.6, fill: fill, stroke: stroke, strokeWidth: 0.6)
            parts.append(#"<g><title>\#(tip)</title>\#(marker)</g>"#)
        }
        parts.append(MarkerShape.circle.draw(cx: x(first.x), cy: y(first.y), size: 7.5, fill: "none", stroke: ink, strokeWidth: 1.4))
        parts.append(MarkerShape.square.draw(cx: x(last.x), cy: y(last.y), size: 8, fill: "none", stroke: ink, strokeWidth: 1.4))
        let conversation = first.conversation
        return #"<g class="cv-trajectory" data-conversation="\#(conversation)"\#(faded ? #" opacity="0.6""# : .empty)>\#(parts)</g>"#
    }

    /// A vertical colour bar for turns, built from plain rects so the SVG needs no gradient ids
    /// (ids would clash when several charts are inlined into one page).
    private func turnScale(area: PlotArea, maxTurn: Int, color: (Int) -> String) -> Markup {
        let x = area.right + 22
        let height = min(area.height, 200)
        let step = height / Double(maxTurn + 1)
        var parts: [Markup] = [#"<text class="cv-tick" x="\#(x)" y="\#(area.y - 4)">turn</text>"#]
        for turn in 0...maxTurn {
            let top = area.y + Double(turn) * step
            parts.append(#"<rect x="\#(x)" y="\#(top)" width="12" height="\#(step + 0.5)" fill="\#(color(turn))"/>"#)
        }
        for turn in Set([0, maxTurn / 2, maxTurn]).sorted() {
            let cy = area.y + (Double(turn) + 0.5) * step
            parts.append(#"<text class="cv-tick" x="\#(x + 16)" y="\#(cy + 3.5)">\#(turn)</text>"#)
        }
        return #"<g class="cv-scale">\#(parts)</g>"#
    }
}

/// The first `limit` characters of `text` on one line, with an ellipsis when cut.
func excerpt(_ text: String, limit: Int) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
}
