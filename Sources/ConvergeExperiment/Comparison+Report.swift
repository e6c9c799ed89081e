import ConvergeAnalysis
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import ConvergeStatistics
import Foundation

extension Comparison {
    /// The comparison as `comparison.html` shows it, detector by detector.
    var reportInput: ComparisonReportInput {
        let sections = Self.detectors.map { detector in
            let outcomes = conditions.filter { $0.detector == detector }
            let tests = pairs.filter { $0.detector == detector }
            let regression = regressions.first { $0.detector == detector }
            return ComparisonReportInput.DetectorSection(
                detector: detector,
                rates: outcomes.map {
                    RateEstimate(label: $0.condition, rate: $0.rate)
                },
                survival: outcomes.compactMap { outcome in outcome.kaplanMeier.map { SurvivalCurve(label: outcome.condition, $0) } },
                lastTurn: outcomes.compactMap { $0.kaplanMeier?.steps.last?.time }.max() ?? 25,
                onsetRows: outcomes.map { outcome in
                    let median = outcome.kaplanMeier.map { $0.median.map { Self.format($0, digits: 0) } ?? "not reached" } ?? "–"
                    guard let onsets = outcome.onsetSummary else { return [outcome.condition, "0", "–", "–", median] }
                    return [
                        outcome.condition, String(onsets.count), Self.format(onsets.median, digits: 1),
                        Self.format(onsets.lowerQuartile, digits: 1) + "–" + Self.format(onsets.upperQuartile, digits: 1), median,
                    ]
                },
                pairRows: tests.map { pair in
                    [
                        pair.first + " vs " + pair.second, Self.format(pair.rateDifference, digits: 2),
                        Self.format(pair.fisher.pValue, digits: 3), Self.format(pair.fisherAdjusted, digits: 3),
                        Self.format(pair.logRank?.pValue, digits: 3), Self.format(pair.logRankAdjusted, digits: 3),
                        Self.format(pair.mannWhitney?.pValue, digits: 3), Self.format(pair.mannWhitneyAdjusted, digits: 3),
                    ]
                },
                pairedRows: tests.compactMap { pair in
                    pair.paired.map { t in
                        [
                            pair.first + " vs " + pair.second, String(t.pairs), String(t.mcnemar.firstOnly), String(t.mcnemar.secondOnly),
                            Self.format(t.mcnemar.pValue, digits: 3), Self.format(t.mcnemarAdjusted, digits: 3),
                            Self.format(t.onsetWilcoxon?.pValue, digits: 3), Self.format(t.onsetWilcoxonAdjusted, digits: 3),
                        ]
                    }
                },
                regressionNote: regression.map(Self.regressionNote),
                regressionRows: regression?.fit.coefficients.map {
                    [
                        $0.name, Self.format($0.estimate, digits: 3), Self.format($0.standardError, digits: 3), Self.format($0.z, digits: 2),
                        Self.format($0.pValue, digits: 3),
                    ]
                } ?? []
            )
        }
        return ComparisonReportInput(
            title: experiment, method: method, design: design, warnings: warnings, sections: sections, persistenceRows: persistence.map(\.cells))
    }

    private static func regressionNote(_ regression: SweepRegression) -> String {
        let confounded =
            regression.confounded.isEmpty ? "" : " (left out, varying exactly with an earlier factor: \(regression.confounded.joined(separator: ", ")))"
        let head = "The verdict on \(regression.factors.joined(separator: ", "))\(confounded), \(regression.fit.observations) conversations"
        switch regression.fit.status {
        case .fitted: return head + "; likelihood-ratio p = " + format(regression.fit.likelihoodRatioPValue, digits: 3) + "."
        case .separation: return head + ": not estimable, separation (a factor combination predicts the verdict perfectly)."
        case .singular: return head + ": not estimable, the factors are collinear."
        }
    }

    private static func format(_ value: Double?, digits: Int) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "–" }
}
