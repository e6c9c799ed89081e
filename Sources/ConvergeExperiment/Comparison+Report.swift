import ConvergeMetrics
import ConvergeReport
import Foundation

extension Comparison {
    /// The comparison as `comparison.html` shows it, detector by detector.
    var reportInput: ComparisonReportInput {
        let detectors = conditions.map(\.detector).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let sections = detectors.map { detector in
            let outcomes = conditions.filter { $0.detector == detector }
            return ComparisonReportInput.DetectorSection(
                detector: detector,
                rates: outcomes.map {
                    RateEstimate(label: $0.condition, count: $0.converged, total: $0.total, low: $0.ciLow, high: $0.ciHigh)
                },
                onsetRows: outcomes.map { outcome in
                    guard let onsets = outcome.onsetSummary else { return [outcome.condition, "0", "–", "–"] }
                    return [outcome.condition, String(onsets.count), Self.format(onsets.median, digits: 1),
                            Self.format(onsets.lowerQuartile, digits: 1) + "–" + Self.format(onsets.upperQuartile, digits: 1)]
                },
                pairRows: pairs.filter { $0.detector == detector }.map { pair in
                    [pair.first + " vs " + pair.second, Self.format(pair.rateDifference, digits: 2),
                     Self.format(pair.fisher.pValue, digits: 3), Self.format(pair.fisherAdjusted, digits: 3),
                     pair.mannWhitney.map { Self.format($0.pValue, digits: 3) } ?? "–",
                     pair.mannWhitneyAdjusted.map { Self.format($0, digits: 3) } ?? "–"]
                }
            )
        }
        return ComparisonReportInput(title: experiment, method: method, sections: sections)
    }

    private static func format(_ value: Double, digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
