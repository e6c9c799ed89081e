/// Which earlier texts a model sees when it speaks.
public enum HistoryWindow: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Only the other model's latest output (the study's setting).
    case last
    /// The latest k texts, oldest first.
    case lastK(Int)
    /// The seed and every output so far.
    case full

    public var description: String {
        switch self {
        case .last: "last"
        case .lastK(let k): "last-\(k)"
        case .full: "full"
        }
    }

    /// Parses `last`, `full` or `last-K` / a bare K.
    public init?(parsing text: String) {
        switch text {
        case "last", "1": self = .last
        case "full": self = .full
        default:
            let digits = text.hasPrefix("last-") ? String(text.dropFirst(5)) : text
            guard let k = Int(digits), k >= 1 else { return nil }
            self = k == 1 ? .last : .lastK(k)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let window = HistoryWindow(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad history window '\(text)'"))
        }
        self = window
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Raw continuation (the study's setting) or each model's own chat template.
public enum PromptMode: String, Codable, Sendable, CaseIterable {
    case raw
    case chat
}

/// Everything that decides a run's output. Serialised whole into `run.json`.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public var preset: String = "paper"
    public var seeds: [String] = []
    public var replicates: Int = 1
    public var turns: Int = 25
    public var maxTokens: Int = 50
    public var sampler = SamplerSettings()
    public var stop: [String] = []
    public var history: HistoryWindow = .last
    public var promptMode: PromptMode = .raw
    public var modelA: String = ""
    public var modelB: String = ""
    public var rngSeed: UInt64 = 0
    /// Conversations per batched decode. 50 holds the paper preset in one batch and measured fastest
    /// end to end on 2 cores, 1.52× faster than 1 (BENCHMARKS.md).
    public var parallel: Int = 50
    /// Tokens of context per conversation; a longer prompt keeps its end (see `PromptBuilder`).
    public var contextPerSequence: Int = 512
    /// When set, each turn's text goes through a file in this directory, as in the study.
    public var relayDirectory: String?
    /// A control against loops fired by a live detector; nil runs the protocol untouched.
    public var intervention: InterventionPolicy?

    public init() {}

    /// The most turns, replicates or parallel conversations a run may ask for: far beyond any real
    /// run, and small enough that sizes derived from them cannot overflow.
    public static let maximumCount = 1_000_000
    /// The longest context per conversation, 2^24 tokens: beyond every model's training context.
    public static let maximumContext = 1 << 24

    /// The first invalid parameter as a one-line message, or nil when all are valid.
    public func validationError() -> String? {
        if !(1...Self.maximumCount).contains(turns) { return "turns must be in 1...\(Self.maximumCount) (got \(turns))" }
        if maxTokens < 1 { return "max tokens must be ≥ 1 (got \(maxTokens))" }
        if !(1...Self.maximumCount).contains(replicates) { return "replicates must be in 1...\(Self.maximumCount) (got \(replicates))" }
        if !(1...Self.maximumCount).contains(parallel) { return "parallel must be in 1...\(Self.maximumCount) (got \(parallel))" }
        if case .lastK(let k) = history, k < 1 { return "history window must be ≥ 1 (got \(k))" }
        // Compared by subtraction from a bounded context, so that a max-tokens near Int.max cannot
        // overflow the check itself.
        if !(17...Self.maximumContext).contains(contextPerSequence) {
            return "context per conversation must be in 17...\(Self.maximumContext) tokens (got \(contextPerSequence))"
        }
        if maxTokens > contextPerSequence - 16 {
            return "context per conversation (\(contextPerSequence)) must exceed max tokens (\(maxTokens)) by at least 16"
        }
        let (total, overflow) = contextPerSequence.multipliedReportingOverflow(by: parallel)
        if overflow || total > Int(Int32.max) {
            return "context (\(contextPerSequence)) × parallel (\(parallel)) exceeds the \(Int32.max) tokens one llama.cpp context can hold"
        }
        if seeds.isEmpty { return "no seed sentences" }
        if let i = seeds.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) { return "seed \(i + 1) is empty" }
        if let problem = intervention?.validationError() { return problem }
        return sampler.validationError()
    }

    /// Missing keys keep their defaults, so a config file need only name what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preset = try c.decodeIfPresent(String.self, forKey: .preset) ?? preset
        seeds = try c.decodeIfPresent([String].self, forKey: .seeds) ?? seeds
        replicates = try c.decodeIfPresent(Int.self, forKey: .replicates) ?? replicates
        turns = try c.decodeIfPresent(Int.self, forKey: .turns) ?? turns
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens) ?? maxTokens
        sampler = try c.decodeIfPresent(SamplerSettings.self, forKey: .sampler) ?? sampler
        stop = try c.decodeIfPresent([String].self, forKey: .stop) ?? stop
        history = try c.decodeIfPresent(HistoryWindow.self, forKey: .history) ?? history
        promptMode = try c.decodeIfPresent(PromptMode.self, forKey: .promptMode) ?? promptMode
        modelA = try c.decodeIfPresent(String.self, forKey: .modelA) ?? modelA
        modelB = try c.decodeIfPresent(String.self, forKey: .modelB) ?? modelB
        rngSeed = try c.decodeIfPresent(UInt64.self, forKey: .rngSeed) ?? rngSeed
        parallel = try c.decodeIfPresent(Int.self, forKey: .parallel) ?? parallel
        contextPerSequence = try c.decodeIfPresent(Int.self, forKey: .contextPerSequence) ?? contextPerSequence
        relayDirectory = try c.decodeIfPresent(String.self, forKey: .relayDirectory)
        intervention = try c.decodeIfPresent(InterventionPolicy.self, forKey: .intervention)
    }

    enum CodingKeys: String, CodingKey {
        case preset, seeds, replicates, turns, sampler, stop, history, parallel, intervention
        case maxTokens = "max_tokens"
        case promptMode = "prompt_mode"
        case modelA = "model_a"
        case modelB = "model_b"
        case rngSeed = "rng_seed"
        case contextPerSequence = "context_per_sequence"
        case relayDirectory = "relay_directory"
    }
}
