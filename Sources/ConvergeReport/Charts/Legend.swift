/// What a legend entry shows next to its label.
enum Swatch {
    case line(color: String, dashed: Bool)
    case band(color: String)
    case bar(color: String)
    case marker(MarkerShape, fill: String, stroke: String)
}

/// One legend entry.
struct LegendItem {
    var label: String
    var swatch: Swatch
}

/// Lays legend entries out left to right, wrapping to a new row when the width runs out.
/// Text widths are estimated (about 6 units per character at 11 px): SVG has no layout engine.
/// - Returns: the markup and the height it takes (0 when there are no entries).
func legendRow(_ items: [LegendItem], x: Double, y: Double, maxWidth: Double) -> (markup: Markup, height: Double) {
    guard !items.isEmpty else { return (.empty, 0) }
    let rowHeight = 16.0
    var cursorX = x
    var cursorY = y
    var parts: [Markup] = []
    for item in items {
        let width = 26 + Double(item.label.count) * 6.2 + 14
        if cursorX + width > x + maxWidth, cursorX > x {
            cursorX = x
            cursorY += rowHeight
        }
        let cy = cursorY + 6
        parts.append(swatch(item.swatch, x: cursorX, cy: cy))
        parts.append(#"<text x="\#(cursorX + 26)" y="\#(cy + 4)">\#(item.label)</text>"#)
        cursorX += width
    }
    return (#"<g class="cv-legend">\#(parts)</g>"#, cursorY - y + rowHeight)
}

private func swatch(_ swatch: Swatch, x: Double, cy: Double) -> Markup {
    switch swatch {
    case .line(let color, let dashed):
        let dash: Markup = dashed ? #" stroke-dasharray="5 3""# : .empty
        return #"<line x1="\#(x)" y1="\#(cy)" x2="\#(x + 20)" y2="\#(cy)" stroke="\#(color)" stroke-width="2"\#(dash)/>"#
    case .band(let color):
        return #"<rect x="\#(x)" y="\#(cy - 5)" width="20" height="10" fill="\#(color)" fill-opacity="0.2"/>"#
            + #"<line x1="\#(x)" y1="\#(cy)" x2="\#(x + 20)" y2="\#(cy)" stroke="\#(color)" stroke-width="2"/>"#
    case .bar(let color):
        return #"<rect x="\#(x + 4)" y="\#(cy - 5)" width="12" height="10" fill="\#(color)"/>"#
    case .marker(let shape, let fill, let stroke):
        return shape.draw(cx: x + 10, cy: cy, size: 5, fill: fill, stroke: stroke)
    }
}
