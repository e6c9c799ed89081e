public import ConvergeStatistics

/// One row of the chart: a rate and what it is the rate of (a verdict, a condition, …).
public struct RateEstimate: Sendable {
    public var label: String
    public var rate: ConvergenceRate

    public init(label: String, rate: ConvergenceRate) {
        self.label = label
        self.rate = rate
    }
}

/// Convergence rates as points with confidence-interval whiskers, one row per condition, on a
/// shared 0–100% axis so conditions compare at a glance.
public struct RateChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var rates: [RateEstimate]

    public init(title: String, subtitle: String? = "points: converged fraction; whiskers: Wilson 95% CI", rates: [RateEstimate]) {
        self.title = title
        self.subtitle = subtitle
        self.rates = rates
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let labelWidth = min(220, Double(rates.map(\.label.count).max() ?? 4) * 6.4 + 16)
        let height = 120 + Double(max(rates.count, 1)) * 34
        let canvas = SVGCanvas(height: height, title: title, subtitle: subtitle, margins: (labelWidth, 170, 46))
        let area = canvas.plot
        let ticks = Ticks(covering: 0, 1, count: 5)
        let x = LinearScale(domain: (0, 1), range: (area.x, area.right))
        var parts: [Markup] = []
        for value in ticks.values {
            let px = x(value)
            parts.append(#"<line class="cv-grid" x1="\#(px)" y1="\#(area.y)" x2="\#(px)" y2="\#(area.bottom)"/>"#)
            parts.append(
                #"<text class="cv-tick" x="\#(px)" y="\#(area.bottom + 15)" text-anchor="middle">\#(Int((value * 100).rounded()))%</text>"#
            )
        }
        parts.append(#"<path class="cv-axis" d="M\#(area.x) \#(area.bottom)H\#(area.right)"/>"#)
        parts.append(
            #"<text class="cv-axis-title" x="\#(area.x + area.width / 2)" y="\#(area.bottom + 34)" text-anchor="middle">converged conversations</text>"#
        )
        let rowHeight = area.height / Double(max(rates.count, 1))
        for (index, estimate) in rates.enumerated() {
            let rate = estimate.rate
            let cy = area.y + rowHeight * (Double(index) + 0.5)
            let color = Palette.color(index)
            let (x0, x1, px) = (x(rate.ciLow), x(rate.ciHigh), x(rate.fraction))
            parts.append(#"<text x="\#(area.x - 10)" y="\#(cy + 4)" text-anchor="end">\#(estimate.label)</text>"#)
            parts.append(
                #"<g stroke="\#(color)" stroke-width="2"><line x1="\#(x0)" y1="\#(cy)" x2="\#(x1)" y2="\#(cy)"/><line x1="\#(x0)" y1="\#(cy - 6)" x2="\#(x0)" y2="\#(cy + 6)"/><line x1="\#(x1)" y1="\#(cy - 6)" x2="\#(x1)" y2="\#(cy + 6)"/></g>"#
            )
            parts.append(#"<circle cx="\#(px)" cy="\#(cy)" r="5" fill="\#(color)" stroke="white" stroke-width="1"/>"#)
            let summary = "\(rate.converged)/\(rate.total) " + percent(rate.fraction) + " [" + percent(rate.ciLow) + ", " + percent(rate.ciHigh) + "]"
            parts.append(#"<text class="cv-note" x="\#(area.right + 8)" y="\#(cy + 4)">\#(summary)</text>"#)
        }
        return canvas.document(parts.joined())
    }
}

/// `0.7` → `70.0%`: one decimal, enough to tell adjacent CI ends apart for n ≤ 1000.
func percent(_ fraction: Double) -> String {
    let tenths = Int((fraction * 1000).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))%"
}
