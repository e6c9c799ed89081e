/// The atlas's 2-D map: one marker per looping span at its t-SNE position, coloured by cluster
/// (the largest clusters get the palette's colours; the rest share grey).
struct AtlasMapChart {
    var points: [AtlasReportInput.Point]
    var clusterNames: [String]

    static let coloured = Palette.categorical.count - 1

    func svg() -> String {
        let legend =
            clusterNames.prefix(Self.coloured).enumerated().map { index, name in
                LegendItem(label: "\(index + 1). " + excerpt(name, limit: 40), swatch: .marker(.circle, fill: Palette.color(index), stroke: "#FFFFFF"))
            } + (clusterNames.count > Self.coloured ? [LegendItem(label: "other clusters", swatch: .marker(.circle, fill: "#B0B0B0", stroke: "#FFFFFF"))] : [])
        let canvas = SVGCanvas(height: 560, title: "Loop spans, t-SNE of their embeddings", legend: legend, margins: (40, 20, 40))
        let area = canvas.plot
        let pad = 12.0
        let x = LinearScale(domain: (points.map(\.x).min() ?? 0, points.map(\.x).max() ?? 1), range: (area.x + pad, area.right - pad))
        let y = LinearScale(domain: (points.map(\.y).min() ?? 0, points.map(\.y).max() ?? 1), range: (area.bottom - pad, area.y + pad))
        let markers: [Markup] = points.map { point in
            let fill = point.cluster < Self.coloured ? Palette.color(point.cluster) : "#B0B0B0"
            let marker = MarkerShape.circle.draw(cx: x(point.x), cy: y(point.y), size: 4, fill: fill, stroke: "#FFFFFF", strokeWidth: 0.6)
            return #"<g><title>\#("cluster \(point.cluster + 1): " + excerpt(point.label, limit: 160))</title>\#(marker)</g>"#
        }
        let frame: Markup = #"<rect class="cv-axis" x="\#(area.x)" y="\#(area.y)" width="\#(area.width)" height="\#(area.height)"/>"#
        return canvas.document(frame + axisTitles(area: area, xTitle: "t-SNE 1", yTitle: "t-SNE 2", yOffset: 14) + markers.joined())
    }
}
