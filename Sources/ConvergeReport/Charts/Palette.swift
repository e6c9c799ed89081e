/// Colours shared by every chart, chosen to stay distinguishable with colour-vision deficiencies.
public enum Palette {
    /// Okabe–Ito categorical colours, without the yellow that vanishes on white paper.
    public static let categorical = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// Agent A is always blue and B always vermillion, in charts and transcripts alike.
    public static let agentA = "#0072B2"
    public static let agentB = "#D55E00"

    /// Neutral ink for axes, labels and onset markers.
    static let ink = "#222222"
    static let grid = "#E4E4E4"
    static let muted = "#767676"

    /// The categorical colour for series `index`, cycling when there are more series than colours.
    public static func color(_ index: Int) -> String { categorical[index % categorical.count] }

    /// Viridis stops at 0, 0.1, …, 1 (matplotlib's), perceptually uniform and colour-blind safe.
    private static let viridisStops: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 36, 117), (65, 68, 135), (53, 95, 141), (42, 120, 142), (33, 145, 140),
        (34, 168, 132), (68, 191, 112), (122, 209, 81), (189, 223, 38), (253, 231, 37),
    ]

    /// Viridis at `t` in 0…1 (clamped), as `#RRGGBB`.
    public static func viridis(_ t: Double) -> String {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(viridisStops.count - 1)
        let lower = min(Int(position), viridisStops.count - 2)
        let f = position - Double(lower)
        let (r0, g0, b0) = viridisStops[lower]
        let (r1, g1, b1) = viridisStops[lower + 1]
        return hex(r0 + (r1 - r0) * f, g0 + (g1 - g0) * f, b0 + (b1 - b0) * f)
    }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789ABCDEF")
        var out = "#"
        for channel in [r, g, b] {
            let v = Int(channel.rounded())
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }
}
