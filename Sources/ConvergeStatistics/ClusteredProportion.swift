import ConvergeCore

/// A proportion over trials that come in clusters (several branches of one conversation), with a
/// 95% percentile interval from a cluster bootstrap: clusters, not trials, are resampled with
/// replacement, since the trials of one cluster are not independent of each other. Percentiles
/// interpolate linearly, as numpy's default.
public struct ClusteredProportion: Codable, Equatable, Sendable {
    public var successes: Int
    public var total: Int
    public var fraction: Double
    /// The bounds; nil with fewer than two clusters, where resampling says nothing.
    public var ciLow: Double?
    public var ciHigh: Double?
    public var clusters: Int
    public var resamples: Int

    /// - Parameters:
    ///   - clusters: each cluster's successes and trials.
    ///   - resamples: bootstrap resamples, at least 1.
    ///   - seed: the random stream's seed.
    public init(clusters: [(successes: Int, total: Int)], resamples: Int = 2000, seed: UInt64 = 1) {
        precondition(resamples >= 1, "need at least one resample, got \(resamples)")
        successes = clusters.reduce(0) { $0 + $1.successes }
        total = clusters.reduce(0) { $0 + $1.total }
        fraction = total == 0 ? 0 : Double(successes) / Double(total)
        self.clusters = clusters.count
        self.resamples = resamples
        guard clusters.count >= 2 else { return }
        var stream = RandomStream(seed: seed)
        var shares: [Double] = []
        for _ in 0..<resamples {
            var drawn = (successes: 0, total: 0)
            for _ in clusters.indices {
                let cluster = clusters[Int(stream.next() % UInt64(clusters.count))]
                drawn = (drawn.successes + cluster.successes, drawn.total + cluster.total)
            }
            if drawn.total > 0 { shares.append(Double(drawn.successes) / Double(drawn.total)) }
        }
        guard shares.count >= 2 else { return }
        shares.sort()
        ciLow = linearQuantile(shares, 0.025)
        ciHigh = linearQuantile(shares, 0.975)
    }

    enum CodingKeys: String, CodingKey {
        case successes, total, fraction, clusters, resamples
        case ciLow = "ci95_low"
        case ciHigh = "ci95_high"
    }
}
