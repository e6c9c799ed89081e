/// How the next token is drawn. Applied in this order, the order of Hugging Face and vLLM, which the
/// study's setting assumes: penalties (then no-repeat-n-gram), temperature, top-k, top-p, min-p, then a draw.
/// A field at its neutral value (for example `topK == 0`) switches that step off.
public struct SamplerSettings: Codable, Sendable, Equatable {
    /// 0 means greedy decoding.
    public var temperature: Double = 0.7
    /// Keep the smallest set of most likely tokens whose probability reaches this mass. In (0, 1].
    public var topP: Double = 0.95
    /// Keep only the k most likely tokens; 0 keeps all.
    public var topK: Int = 0
    /// Drop tokens less likely than `minP` times the most likely one; 0 keeps all.
    public var minP: Double = 0
    /// Divides positive logits (multiplies negative ones) of tokens seen in the last `penaltyLastN`.
    public var repeatPenalty: Double = 1
    public var presencePenalty: Double = 0
    public var frequencyPenalty: Double = 0
    /// How many recent tokens (prompt and output) the penalties look at; -1 means all of them.
    public var penaltyLastN: Int = 64
    /// DRY ("don't repeat yourself") multiplier; 0 switches DRY off.
    public var dryMultiplier: Double = 0
    public var dryBase: Double = 1.75
    public var dryAllowedLength: Int = 2
    /// How many recent tokens DRY looks at; -1 means all of them.
    public var dryPenaltyLastN: Int = -1
    /// Forbid any token that would complete an n-gram of this size already present in the prompt
    /// and output so far; 0 switches it off.
    public var noRepeatNgramSize: Int = 0

    public init() {}

    /// The first invalid setting as a one-line message, or nil when all are valid.
    public func validationError() -> String? {
        // `!(x >= 0)` alone lets infinity through, and NaN fails every comparison, so each real
        // setting is checked for finiteness first.
        let reals: [(String, Double)] = [
            ("temperature", temperature), ("top-p", topP), ("min-p", minP), ("repeat penalty", repeatPenalty),
            ("presence penalty", presencePenalty), ("frequency penalty", frequencyPenalty),
            ("DRY multiplier", dryMultiplier), ("DRY base", dryBase),
        ]
        if let (name, value) = reals.first(where: { !$0.1.isFinite }) { return "\(name) must be a finite number (got \(value))" }
        if !(temperature >= 0) { return "temperature must be ≥ 0 (got \(temperature))" }
        if !(topP > 0 && topP <= 1) { return "top-p must be in (0, 1] (got \(topP))" }
        if topK < 0 { return "top-k must be ≥ 0 (got \(topK))" }
        if !(minP >= 0 && minP < 1) { return "min-p must be in [0, 1) (got \(minP))" }
        if !(repeatPenalty > 0) { return "repeat penalty must be > 0 (got \(repeatPenalty))" }
        if penaltyLastN < -1 { return "penalty window must be ≥ -1 (got \(penaltyLastN))" }
        if dryMultiplier < 0 { return "DRY multiplier must be ≥ 0 (got \(dryMultiplier))" }
        if !(dryBase >= 1) { return "DRY base must be ≥ 1 (got \(dryBase))" }
        if dryAllowedLength < 1 { return "DRY allowed length must be ≥ 1 (got \(dryAllowedLength))" }
        if dryPenaltyLastN < -1 { return "DRY window must be ≥ -1 (got \(dryPenaltyLastN))" }
        if noRepeatNgramSize < 0 { return "no-repeat n-gram size must be ≥ 0 (got \(noRepeatNgramSize))" }
        return nil
    }

    /// Missing keys keep their defaults, so a config file need only name what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? temperature
        topP = try c.decodeIfPresent(Double.self, forKey: .topP) ?? topP
        topK = try c.decodeIfPresent(Int.self, forKey: .topK) ?? topK
        minP = try c.decodeIfPresent(Double.self, forKey: .minP) ?? minP
        repeatPenalty = try c.decodeIfPresent(Double.self, forKey: .repeatPenalty) ?? repeatPenalty
        presencePenalty = try c.decodeIfPresent(Double.self, forKey: .presencePenalty) ?? presencePenalty
        frequencyPenalty = try c.decodeIfPresent(Double.self, forKey: .frequencyPenalty) ?? frequencyPenalty
        penaltyLastN = try c.decodeIfPresent(Int.self, forKey: .penaltyLastN) ?? penaltyLastN
        dryMultiplier = try c.decodeIfPresent(Double.self, forKey: .dryMultiplier) ?? dryMultiplier
        dryBase = try c.decodeIfPresent(Double.self, forKey: .dryBase) ?? dryBase
        dryAllowedLength = try c.decodeIfPresent(Int.self, forKey: .dryAllowedLength) ?? dryAllowedLength
        dryPenaltyLastN = try c.decodeIfPresent(Int.self, forKey: .dryPenaltyLastN) ?? dryPenaltyLastN
        noRepeatNgramSize = try c.decodeIfPresent(Int.self, forKey: .noRepeatNgramSize) ?? noRepeatNgramSize
    }

    enum CodingKeys: String, CodingKey {
        case temperature
        case topP = "top_p"
        case topK = "top_k"
        case minP = "min_p"
        case repeatPenalty = "repeat_penalty"
        case presencePenalty = "presence_penalty"
        case frequencyPenalty = "frequency_penalty"
        case penaltyLastN = "penalty_last_n"
        case dryMultiplier = "dry_multiplier"
        case dryBase = "dry_base"
        case dryAllowedLength = "dry_allowed_length"
        case dryPenaltyLastN = "dry_penalty_last_n"
        case noRepeatNgramSize = "no_repeat_ngram_size"
    }
}
