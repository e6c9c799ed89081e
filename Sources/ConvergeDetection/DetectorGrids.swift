public import ConvergeMetrics

/// Candidate settings for `Calibration.sweep`: every combination of the values given.
extension StudyRule {
    /// - Parameters:
    ///   - thresholds: for each metric, the thresholds to try.
    ///   - combinations: the combination rules to try.
    ///   - consecutiveTurns: the values of k to try.
    /// - Returns: the Cartesian product, in a deterministic order.
    public static func grid(
        thresholds: [TurnMetric: [Double]], combinations: [Combination] = Combination.allCases,
        consecutiveTurns: [Int] = [2, 3, 4, 5]
    ) -> [StudyRule] {
        thresholdProduct(thresholds).flatMap { setting in
            combinations.flatMap { combination in
                consecutiveTurns.map { StudyRule(thresholds: setting, combination: combination, consecutiveTurns: $0) }
            }
        }
    }
}

extension RepetitionLoopDetector {
    /// - Parameters:
    ///   - signals: for each signal, the thresholds to try.
    ///   - minimumLoopTurns: the episode lengths to try.
    ///   - maximumGaps: the gap tolerances to try.
    ///   - persistence: whether to try with and without the persistence rule.
    /// - Returns: the Cartesian product, in a deterministic order.
    public static func grid(
        signals: [TurnMetric: [Double]], minimumLoopTurns: [Int] = [2, 3, 4],
        maximumGaps: [Int] = [0, 1, 2], persistence: [Bool] = [true, false]
    ) -> [RepetitionLoopDetector] {
        thresholdProduct(signals).flatMap { setting in
            minimumLoopTurns.flatMap { turns in
                maximumGaps.flatMap { gap in
                    persistence.map {
                        RepetitionLoopDetector(
                            signals: setting, minimumLoopTurns: turns, maximumGap: gap, requiresPersistence: $0)
                    }
                }
            }
        }
    }
}

/// Every way of picking one threshold per metric. Metrics are taken in `TurnMetric` order, so the
/// grid does not depend on dictionary order.
private func thresholdProduct(_ values: [TurnMetric: [Double]]) -> [[TurnMetric: Double]] {
    TurnMetric.allCases.reduce([[:]]) { partial, metric in
        guard let candidates = values[metric] else { return partial }
        return partial.flatMap { setting in
            candidates.map { threshold in setting.merging([metric: threshold]) { $1 } }
        }
    }
}
