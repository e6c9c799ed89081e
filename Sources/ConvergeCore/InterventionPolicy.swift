/// An external control against loops, fired by a live convergence detector during a run
/// (docs/EXPERIMENTS.md, "Interventions"). Serialised whole into `run.json` as `intervention`.
///
/// After each turn the detector named by `trigger` sees the output. When it declares the
/// conversation converged, `action` is taken and the detector starts afresh, so a second
/// intervention needs a new loop. At most `maxInterventions` fire per conversation.
public struct InterventionPolicy: Codable, Sendable, Equatable {
    /// Which live detector fires the intervention.
    public enum Trigger: String, Codable, Sendable, CaseIterable {
        /// The tool's repetition-loop detector (text only, no embedder needed).
        case loop
        /// The study's rule (needs the sentence embedder for its cosine threshold).
        case study
        /// No detector: fires once, after the last replayed turn of a branched run, so the action
        /// is what the branch changes (`converge branch --inject`, an experiment's `branch:`).
        case branch
    }

    /// What is done when the detector fires.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// The next turn continues a fresh seed sentence from `seedPool` instead of the last output.
        case injectSeed = "inject_seed"
        /// The next `turns` turns sample at `temperature`.
        case raiseTemperature = "raise_temperature"
        /// The next turn's prompt starts with `perturbation`.
        case perturb
        /// The conversation ends after the turn that fired, to save compute.
        case stop
    }

    public var trigger: Trigger = .loop
    public var action: Action
    /// The temperature of `raise_temperature`.
    public var temperature: Double = 1.2
    /// How many turns `raise_temperature` lasts.
    public var turns: Int = 3
    /// The text `perturb` puts in front of the prompt, followed by a line break.
    public var perturbation: String = ""
    /// Seeds `inject_seed` draws from; empty means the bundled seed set. A conversation never gets
    /// its own seed back.
    public var seedPool: [String] = []
    /// At most this many interventions per conversation.
    public var maxInterventions: Int = 3
    /// A detector JSON file (as written by `converge calibrate`) for the trigger's thresholds;
    /// nil uses the built-in calibrated thresholds.
    public var detectorFile: String?

    /// - Parameter action: what is done when the detector fires.
    public init(action: Action) { self.action = action }

    /// The first invalid setting as a one-line message, or nil when all are valid.
    public func validationError() -> String? {
        if maxInterventions < 1 { return "intervention.max_interventions must be ≥ 1 (got \(maxInterventions))" }
        switch action {
        case .raiseTemperature:
            if !(temperature > 0 && temperature.isFinite) { return "intervention.temperature must be a finite number > 0 (got \(temperature))" }
            if turns < 1 { return "intervention.turns must be ≥ 1 (got \(turns))" }
        case .perturb:
            if perturbation.allSatisfy(\.isWhitespace) { return "intervention.perturbation must be a non-empty text for action perturb" }
        case .injectSeed:
            if seedPool.contains(where: { $0.allSatisfy(\.isWhitespace) }) { return "intervention.seed_pool holds an empty seed" }
        case .stop:
            break
        }
        return nil
    }

    /// Missing keys keep their defaults; `action` is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        action = try c.decode(Action.self, forKey: .action)
        trigger = try c.decodeIfPresent(Trigger.self, forKey: .trigger) ?? trigger
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? temperature
        turns = try c.decodeIfPresent(Int.self, forKey: .turns) ?? turns
        perturbation = try c.decodeIfPresent(String.self, forKey: .perturbation) ?? perturbation
        seedPool = try c.decodeIfPresent([String].self, forKey: .seedPool) ?? seedPool
        maxInterventions = try c.decodeIfPresent(Int.self, forKey: .maxInterventions) ?? maxInterventions
        detectorFile = try c.decodeIfPresent(String.self, forKey: .detectorFile)
    }

    enum CodingKeys: String, CodingKey {
        case trigger, action, temperature, turns, perturbation
        case seedPool = "seed_pool"
        case maxInterventions = "max_interventions"
        case detectorFile = "detector_file"
    }
}
