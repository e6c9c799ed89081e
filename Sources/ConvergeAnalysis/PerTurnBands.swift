import ConvergeMetrics
import ConvergeReport
import ConvergeStatistics

/// The report's aggregate curves: for each distance and pair, the mean over conversations at each
/// turn with a 95% confidence band of that mean, mean ± t₀.₉₇₅,ₙ₋₁·s/√n (s the sample standard
/// deviation of the n conversations with a value at that turn; no band for n < 2). Student's t, not
/// the normal 1.96: experiments run 10–20 seeds, where z would make the band too narrow (by 13% at
/// n = 10). docs/METRICS.md, "Statistics".
enum PerTurnBands {
    static let distances = ["bleu_distance", "jaccard_distance", "cosine_distance"]

    /// - Parameter metrics: every conversation's series.
    /// - Returns: one series per pair and distance, pairs in `TurnPair` order.
    static func compute(_ metrics: [ConversationMetrics]) -> [AggregateSeries] {
        let turns = metrics.map(\.series.count).max() ?? 0
        return TurnPair.allCases.flatMap { pair in
            distances.compactMap { distance -> AggregateSeries? in
                guard let metric = TurnMetric(rawValue: "\(distance)_\(pair.rawValue)") else { return nil }
                var series = AggregateSeries(metric: distance, pair: pair.rawValue, mean: [], low: [], high: [])
                for index in 0..<turns {
                    let values = metrics.compactMap { $0.series.indices.contains(index) ? $0.series[index][metric] : nil }
                    let band = meanBand(values)
                    series.mean.append(band?.mean)
                    series.low.append(band?.low)
                    series.high.append(band?.high)
                }
                return series.mean.contains { $0 != nil } ? series : nil
            }
        }
    }

    /// The mean and its Student t 95% band; nil for no values.
    static func meanBand(_ values: [Double]) -> (mean: Double, low: Double?, high: Double?)? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count >= 2 else { return (mean, nil, nil) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = Distributions.studentTQuantile(0.975, degreesOfFreedom: n - 1) * (variance / n).squareRoot()
        return (mean, mean - half, mean + half)
    }
}
