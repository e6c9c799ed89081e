import ConvergeCore

/// Cohen's κ with a percentile bootstrap 95% interval (docs/METRICS.md, "Statistics").
///
/// Conversations are resampled with replacement, paired labels together, and κ is recomputed on
/// each resample; the interval is the 2.5th and 97.5th percentile (numpy's linear interpolation).
/// The random stream is fixed by `seed`, so the same labels always give the same interval.
public struct KappaInterval: Codable, Equatable, Sendable {
    /// κ on the labels as given; nil where undefined.
    public var kappa: Double?
    /// The bounds; nil when fewer than 2 resamples had a defined κ.
    public var lower: Double?
    public var upper: Double?
    /// Resamples drawn, and how many had a defined κ (a resample where both sides give one label
    /// to every case has none, and is left out).
    public var resamples: Int
    public var defined: Int

    /// - Parameters:
    ///   - predicted: one side's labels.
    ///   - actual: the other side's, as many.
    ///   - resamples: bootstrap resamples, at least 1.
    ///   - seed: the random stream's seed.
    public init(predicted: [Bool], actual: [Bool], resamples: Int = 2000, seed: UInt64 = 1) {
        precondition(resamples >= 1, "need at least one resample, got \(resamples)")
        kappa = BinaryAgreement(predicted: predicted, actual: actual).cohensKappa
        self.resamples = resamples
        var stream = RandomStream(seed: seed)
        var kappas: [Double] = []
        let count = predicted.count
        for _ in 0..<resamples where count > 0 {
            var agreement = BinaryAgreement(predicted: [], actual: [])
            for _ in 0..<count {
                let index = Int(stream.next() % UInt64(count))
                agreement.record(predicted: predicted[index], actual: actual[index])
            }
            if let kappa = agreement.cohensKappa { kappas.append(kappa) }
        }
        defined = kappas.count
        guard kappas.count >= 2 else { return }
        kappas.sort()
        lower = linearQuantile(kappas, 0.025)
        upper = linearQuantile(kappas, 0.975)
    }

}
