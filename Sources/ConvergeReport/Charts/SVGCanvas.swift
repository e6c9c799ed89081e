/// The frame every chart shares: the SVG root with its namespace and size, an accessible title, the
/// stylesheet, a white background (PNG exports would otherwise be transparent), the heading and the
/// legend. Charts draw inside `plot`.
struct SVGCanvas {
    var width: Double
    var height: Double
    var title: String
    var subtitle: String?
    var legend: [LegendItem]
    /// Space kept outside the plot for tick labels and axis titles: left, right, bottom.
    var margins: (left: Double, right: Double, bottom: Double)

    init(
        width: Double = 640, height: Double = 360, title: String, subtitle: String? = nil,
        legend: [LegendItem] = [], margins: (left: Double, right: Double, bottom: Double) = (56, 20, 46)
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.subtitle = subtitle
        self.legend = legend
        self.margins = margins
    }

    private var headerHeight: Double { subtitle == nil ? 30 : 46 }

    private var legendLayout: (markup: Markup, height: Double) {
        legendRow(legend, x: margins.left, y: headerHeight + 4, maxWidth: width - margins.left - margins.right)
    }

    /// The plotting rectangle left over after heading, legend and margins.
    var plot: PlotArea {
        let top = headerHeight + legendLayout.height + 12
        return PlotArea(
            x: margins.left, y: top, width: width - margins.left - margins.right,
            height: height - top - margins.bottom
        )
    }

    /// The complete standalone SVG document around `body`.
    func document(_ body: Markup) -> String {
        let sub: Markup = subtitle.map { #"<text class="cv-subtitle" x="12" y="38">\#($0)</text>"# } ?? .empty
        let svg: Markup = """
            <svg xmlns="http://www.w3.org/2000/svg" class="cv-chart" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" role="img"><title>\(title)</title>\
            <style>\(Markup(trusted: SVGCanvas.stylesheet))</style>\
            <rect class="cv-bg" width="\(width)" height="\(height)" fill="#FFFFFF"/>\
            <text class="cv-title" x="12" y="21">\(title)</text>\(sub)\(legendLayout.markup)\(body)</svg>
            """
        return svg.rendered
    }

    /// Fonts and strokes live in CSS so every chart looks the same and a page can restyle them.
    /// Selectors are scoped by `.cv-chart` because inline SVG styles apply to the whole HTML page.
    static let stylesheet = """
        .cv-chart text{font-family:"Helvetica Neue",Helvetica,Arial,"Liberation Sans","DejaVu Sans",sans-serif;\
        font-size:11px;fill:#222222}\
        .cv-chart .cv-title{font-size:14px;font-weight:bold}\
        .cv-chart .cv-subtitle{fill:#555555}\
        .cv-chart .cv-axis-title{font-size:12px}\
        .cv-chart .cv-tick{font-size:10px;fill:#444444}\
        .cv-chart .cv-note{font-size:10px;fill:#555555;paint-order:stroke;stroke:#FFFFFF;stroke-width:3px;\
        stroke-linejoin:round}\
        .cv-chart .cv-grid{stroke:#E4E4E4;stroke-width:1}\
        .cv-chart .cv-axis{stroke:#222222;stroke-width:1;fill:none}
        """
}

/// A rectangle in SVG user units.
struct PlotArea {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var right: Double { x + width }
    var bottom: Double { y + height }
}
