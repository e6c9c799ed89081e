import Foundation

/// Maps a data interval linearly onto a pixel interval (the range may run backwards, as y does).
struct LinearScale {
    var domain: (low: Double, high: Double)
    var range: (low: Double, high: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.high - domain.low
        let t = span == 0 ? 0.5 : (value - domain.low) / span
        return range.low + t * (range.high - range.low)
    }
}

/// Round tick values covering a data interval, and how to print them.
struct Ticks: Equatable {
    var values: [Double]
    var step: Double

    /// The covering interval: first tick to last tick.
    var domain: (low: Double, high: Double) { (values.first ?? 0, values.last ?? 1) }

    /// Ticks at 1, 2 or 5 × 10ⁿ, about `count` of them, extending outward to cover `low…high`
    /// (Heckbert's "nice numbers"). `integer` keeps the step ≥ 1 for turn axes.
    init(covering low: Double, _ high: Double, count: Int = 5, integer: Bool = false) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 1
        if low > high { swap(&low, &high) }
        if high - low < 1e-12 {
            low -= low == 0 ? 0.5 : abs(low) * 0.1
            high += high == 0 ? 0.5 : abs(high) * 0.1
        }
        var step = Ticks.niceStep((high - low) / Double(max(count, 1)))
        if integer { step = max(1, step.rounded()) }
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        values = stride(from: first, through: last + 0.5, by: 1).map { $0 * step }
        self.step = step
    }

    static func niceStep(_ rough: Double) -> Double {
        let exponent = (log10(rough)).rounded(.down)
        let base = pow(10, exponent)
        let fraction = rough / base
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * base
    }

    /// A tick label with exactly as many decimals as the step needs (`0.25`, `10`, never `0.30000000000000004`).
    func label(_ value: Double) -> String {
        // Steps are k × 10ⁿ with k in {1, 2, 5}: n alone decides the decimals.
        let decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
        let text = String(format: "%.\(min(decimals, 6))f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
