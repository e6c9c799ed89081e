/// Point markers. Shape, not only colour, carries meaning (A vs B vs seed), so the charts survive
/// greyscale printing and colour-vision deficiencies.
enum MarkerShape {
    case circle, triangle, square, diamond

    /// The marker centred on (`cx`, `cy`); `size` is roughly its radius.
    func draw(cx: Double, cy: Double, size r: Double, fill: String, stroke: String, strokeWidth: Double = 1) -> Markup {
        let paint: Markup = #"fill="\#(fill)" stroke="\#(stroke)" stroke-width="\#(strokeWidth)""#
        switch self {
        case .circle:
            return #"<circle cx="\#(cx)" cy="\#(cy)" r="\#(r)" \#(paint)/>"#
        case .square:
            let s = r * 0.9
            return #"<rect x="\#(cx - s)" y="\#(cy - s)" width="\#(2 * s)" height="\#(2 * s)" \#(paint)/>"#
        case .triangle:
            let h = r * 1.15
            return #"<path d="M\#(cx) \#(cy - h)L\#(cx + h) \#(cy + h * 0.8)L\#(cx - h) \#(cy + h * 0.8)Z" \#(paint)/>"#
        case .diamond:
            let h = r * 1.3
            return #"<path d="M\#(cx) \#(cy - h)L\#(cx + h) \#(cy)L\#(cx) \#(cy + h)L\#(cx - h) \#(cy)Z" \#(paint)/>"#
        }
    }
}
