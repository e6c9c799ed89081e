/// Agreement of a binary detector with reference labels (docs/METRICS.md, "Statistics").
public struct BinaryAgreement: Codable, Equatable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0

    /// Counts from paired labels.
    /// - Parameters:
    ///   - predicted: the detector's labels.
    ///   - actual: the reference labels, as many as `predicted`.
    public init(predicted: [Bool], actual: [Bool]) {
        precondition(predicted.count == actual.count, "\(predicted.count) predictions for \(actual.count) labels")
        for (p, a) in zip(predicted, actual) { record(predicted: p, actual: a) }
    }

    /// Adds one labelled case.
    /// - Parameters:
    ///   - predicted: the detector's label.
    ///   - actual: the reference label.
    public mutating func record(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
    }

    public var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

    /// TP / (TP + FP); nil when nothing was predicted positive.
    public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }

    /// TP / (TP + FN); nil when no reference label is positive.
    public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }

    /// 2TP / (2TP + FP + FN); nil when there is no positive on either side.
    public var f1: Double? { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e), agreement corrected for chance. Reported beside F1
    /// because collapse is common: a detector that says "converged" every time gets a high F1 and
    /// κ = 0. Nil when p_e = 1 (both sides give one label to every case), where κ is undefined.
    public var cohensKappa: Double? {
        guard total > 0 else { return nil }
        let n = Double(total)
        let observed = Double(truePositives + trueNegatives) / n
        let predictedPositive = Double(truePositives + falsePositives) / n
        let actualPositive = Double(truePositives + falseNegatives) / n
        let expected = predictedPositive * actualPositive + (1 - predictedPositive) * (1 - actualPositive)
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }

    private func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
