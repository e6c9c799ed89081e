/// The distribution of convergence onsets over conversations (docs/METRICS.md, "Statistics").
public struct OnsetSummary: Codable, Equatable, Sendable {
    /// How many conversations converged at one turn.
    public struct Bin: Codable, Equatable, Sendable {
        public var turn: Int
        public var count: Int
    }

    /// How many conversations converged.
    public var count: Int
    /// The earliest onset turn.
    public var minimum: Int
    /// The latest onset turn.
    public var maximum: Int
    /// The mean onset turn.
    public var mean: Double
    /// Quartiles by linear interpolation between order statistics (numpy's default).
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double
    /// Every onset turn that occurs, ascending.
    public var histogram: [Bin]

    /// The keys `summary.json` and `comparison.json` use.
    enum CodingKeys: String, CodingKey {
        case count, mean, median, histogram
        case minimum = "min"
        case maximum = "max"
        case lowerQuartile = "q1"
        case upperQuartile = "q3"
    }

    /// - Parameter onsets: the onset turn of each converged conversation.
    /// - Returns: nil when no conversation converged.
    public init?(onsets: [Int]) {
        guard !onsets.isEmpty else { return nil }
        let sorted = onsets.sorted()
        count = sorted.count
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        let values = sorted.map(Double.init)
        lowerQuartile = linearQuantile(values, 0.25)
        median = linearQuantile(values, 0.5)
        upperQuartile = linearQuantile(values, 0.75)
        var counts: [Int: Int] = [:]
        for onset in sorted { counts[onset, default: 0] += 1 }
        histogram = counts.keys.sorted().map { Bin(turn: $0, count: counts[$0]!) }
    }

}
