import Foundation

/// The Kaplan–Meier estimate of the survival function, here the probability that a conversation has
/// not yet looped by turn t, with exponential Greenwood 95% intervals, as lifelines 0.30
/// `KaplanMeierFitter` (docs/METRICS.md, "Time to loop"). A conversation that never looped is
/// censored at its last turn, so unconverged conversations count instead of being dropped.
///
/// At each distinct time t with n at risk (duration ≥ t) and d events, Ŝ(t) = Π (1 − d/n) over
/// times ≤ t. Greenwood's sum is G(t) = Σ d/(n(n − d)), a term with d = n counting 0 as lifelines
/// does. The interval is exp(−exp(log(−log Ŝ) ∓ z·√G / log Ŝ)), z the normal 0.975 quantile; it is
/// [1, 1] where Ŝ = 1 and [0, 0] where Ŝ = 0.
public struct KaplanMeier: Codable, Equatable, Sendable {
    /// The estimate just after one time point.
    public struct Step: Codable, Equatable, Sendable {
        public var time: Double
        /// Subjects with duration ≥ time.
        public var atRisk: Int
        public var events: Int
        public var censored: Int
        public var survival: Double
        public var lower: Double
        public var upper: Double

        enum CodingKeys: String, CodingKey {
            case time, events, censored, survival, lower, upper
            case atRisk = "at_risk"
        }
    }

    /// Time 0 (survival 1) and then every distinct observed time, ascending, as lifelines' timeline.
    public var steps: [Step]
    /// The first time where Ŝ ≤ ½; nil when Ŝ stays above ½ (lifelines reports ∞).
    public var median: Double?

    /// Estimates the curve.
    /// - Parameters:
    ///   - durations: each subject's time: the onset turn, or the last turn when censored.
    ///   - events: whether each subject's event (the loop) was observed at that time.
    /// - Returns: nil for no subjects.
    public init?(durations: [Double], events: [Bool]) {
        precondition(durations.count == events.count, "\(durations.count) durations for \(events.count) event flags")
        guard !durations.isEmpty else { return nil }
        let times = Array(Set(durations)).sorted()
        var steps = [Step(time: 0, atRisk: durations.count, events: 0, censored: 0, survival: 1, lower: 1, upper: 1)]
        if times[0] == 0 { steps.removeAll() }
        var survival = 1.0, greenwood = 0.0, logSurvival = 0.0
        for time in times {
            let atRisk = durations.count { $0 >= time }
            let died = zip(durations, events).count { $0 == time && $1 }
            let censored = zip(durations, events).count { $0 == time && !$1 }
            // lifelines accumulates log(n − d) − log(n) and exponentiates, rather than multiplying.
            logSurvival += log(Double(atRisk - died)) - log(Double(atRisk))
            survival = exp(logSurvival)
            if died < atRisk { greenwood += Double(died) / (Double(atRisk) * Double(atRisk - died)) }
            let (lower, upper) = Self.interval(survival, greenwood)
            steps.append(Step(time: time, atRisk: atRisk, events: died, censored: censored, survival: survival, lower: lower, upper: upper))
        }
        self.steps = steps
        median = steps.first { $0.survival <= 0.5 }?.time
    }

    /// Onsets of the converged conversations and the turn counts of the rest.
    /// - Parameters:
    ///   - onsets: each conversation's first loop turn, nil when it never looped.
    ///   - lastTurns: each conversation's last turn, where one that never looped is censored.
    /// - Returns: nil for no conversations.
    public init?(onsets: [Int?], lastTurns: [Int]) {
        precondition(onsets.count == lastTurns.count, "\(onsets.count) onsets for \(lastTurns.count) turn counts")
        self.init(durations: zip(onsets, lastTurns).map { Double($0 ?? $1) }, events: onsets.map { $0 != nil })
    }

    static func interval(_ survival: Double, _ greenwood: Double) -> (Double, Double) {
        if survival >= 1 { return (1, 1) }
        if survival <= 0 { return (0, 0) }
        let v = log(survival)
        let spread = WilsonInterval.z95 * greenwood.squareRoot() / v
        return (exp(-exp(log(-v) - spread)), exp(-exp(log(-v) + spread)))
    }
}
