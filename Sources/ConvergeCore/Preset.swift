/// Named starting points for a run. Explicit options override what a preset sets.
public enum Preset: String, CaseIterable, Sendable {
    /// The study's protocol: 50 seeds × 25 turns, temperature 0.7, top-p 0.95, 50 new tokens.
    case paper
    /// A taste in about a minute: 4 seeds × 10 turns, same sampler.
    case quick

    public var seedCount: Int {
        switch self {
        case .paper: 50
        case .quick: 4
        }
    }

    public var turns: Int {
        switch self {
        case .paper: 25
        case .quick: 10
        }
    }

    /// The configuration this preset describes, before any option overrides it.
    public func configuration(seeds: [String]) -> RunConfiguration {
        var configuration = RunConfiguration()
        configuration.preset = rawValue
        configuration.seeds = Array(seeds.prefix(seedCount))
        configuration.turns = turns
        configuration.maxTokens = 50
        configuration.sampler.temperature = 0.7
        configuration.sampler.topP = 0.95
        return configuration
    }

    /// Parses a preset name.
    /// - Throws: `ConvergeError` naming the unknown preset and the known ones.
    public static func named(_ name: String) throws -> Preset {
        guard let preset = Preset(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            throw ConvergeError(.invalidParameter, "unknown preset '\(name)' (known: \(known))")
        }
        return preset
    }
}
