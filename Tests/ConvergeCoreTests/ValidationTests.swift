import ConvergeCore
import Foundation
import Testing

@Suite struct ValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: String
        let change: @Sendable (inout RunConfiguration) -> Void
        var testDescription: String { name }
    }

    static var valid: RunConfiguration {
        var c = RunConfiguration()
        c.seeds = ["A seed."]
        return c
    }

    static let invalid: [Case] = [
        Case(name: "turns 0", expected: "turns") { $0.turns = 0 },
        Case(name: "turns -3", expected: "turns") { $0.turns = -3 },
        Case(name: "max tokens 0", expected: "max tokens") { $0.maxTokens = 0 },
        Case(name: "replicates 0", expected: "replicates") { $0.replicates = 0 },
        Case(name: "parallel 0", expected: "parallel") { $0.parallel = 0 },
        Case(name: "last-0 window", expected: "history window") { $0.history = .lastK(0) },
        Case(name: "context too small", expected: "context") { $0.contextPerSequence = 60 },
        Case(name: "no seeds", expected: "no seed") { $0.seeds = [] },
        Case(name: "blank seed", expected: "seed 2 is empty") { $0.seeds = ["ok", "  "] },
        Case(name: "temperature -1", expected: "temperature") { $0.sampler.temperature = -1 },
        Case(name: "temperature NaN", expected: "temperature") { $0.sampler.temperature = .nan },
        Case(name: "top-p 0", expected: "top-p") { $0.sampler.topP = 0 },
        Case(name: "top-p 1.5", expected: "top-p") { $0.sampler.topP = 1.5 },
        Case(name: "top-p -0.2", expected: "top-p") { $0.sampler.topP = -0.2 },
        Case(name: "top-p NaN", expected: "top-p") { $0.sampler.topP = .nan },
        Case(name: "top-k -1", expected: "top-k") { $0.sampler.topK = -1 },
        Case(name: "min-p -0.1", expected: "min-p") { $0.sampler.minP = -0.1 },
        Case(name: "min-p 1", expected: "min-p") { $0.sampler.minP = 1 },
        Case(name: "repeat penalty 0", expected: "repeat penalty") { $0.sampler.repeatPenalty = 0 },
        Case(name: "penalty window -2", expected: "penalty window") { $0.sampler.penaltyLastN = -2 },
        Case(name: "DRY -1", expected: "DRY") { $0.sampler.dryMultiplier = -1 },
        Case(name: "temperature inf", expected: "temperature must be a finite number") { $0.sampler.temperature = .infinity },
        Case(name: "presence penalty NaN", expected: "presence penalty") { $0.sampler.presencePenalty = .nan },
        Case(name: "frequency penalty -inf", expected: "frequency penalty") { $0.sampler.frequencyPenalty = -.infinity },
        Case(name: "repeat penalty inf", expected: "repeat penalty") { $0.sampler.repeatPenalty = .infinity },
        Case(name: "DRY multiplier NaN", expected: "DRY multiplier") { $0.sampler.dryMultiplier = .nan },
        Case(name: "DRY base inf", expected: "DRY base") { $0.sampler.dryBase = .infinity },
        Case(name: "DRY window -2", expected: "DRY window") { $0.sampler.dryPenaltyLastN = -2 },
        Case(name: "min-p NaN", expected: "min-p") { $0.sampler.minP = .nan },
        Case(name: "max tokens Int.max", expected: "max tokens") { $0.maxTokens = .max },
        Case(name: "context Int.min", expected: "context") { $0.contextPerSequence = .min },
        Case(name: "context Int.max", expected: "context") { $0.contextPerSequence = .max },
        Case(name: "context × parallel overflow", expected: "× parallel") {
            $0.contextPerSequence = 1 << 24; $0.parallel = 1 << 19
        },
        Case(name: "turns Int.max", expected: "turns") { $0.turns = .max },
        Case(name: "replicates Int.max", expected: "replicates") { $0.replicates = .max },
        Case(name: "intervention temperature inf", expected: "intervention.temperature") {
            var policy = InterventionPolicy(action: .raiseTemperature)
            policy.temperature = .infinity
            $0.intervention = policy
        },
    ]

    @Test(arguments: invalid)
    func invalidParameterIsNamedInOneLine(_ invalidCase: Case) throws {
        var c = Self.valid
        invalidCase.change(&c)
        let message = try #require(c.validationError())
        #expect(message.contains(invalidCase.expected))
        #expect(!message.contains("\n"))
    }

    static let validEdges: [Case] = [
        Case(name: "defaults", expected: "") { _ in },
        Case(name: "temperature 0 (greedy)", expected: "") { $0.sampler.temperature = 0 },
        Case(name: "top-p 1", expected: "") { $0.sampler.topP = 1 },
        Case(name: "turns 1, max tokens 1", expected: "") {
            $0.turns = 1; $0.maxTokens = 1
        },
        Case(name: "context exactly max tokens + 16", expected: "") {
            $0.maxTokens = 50; $0.contextPerSequence = 66
        },
        Case(name: "penalty window -1 (all)", expected: "") { $0.sampler.penaltyLastN = -1 },
        Case(name: "min-p 0.99", expected: "") { $0.sampler.minP = 0.99 },
    ]

    @Test(arguments: validEdges)
    func validEdgeIsAccepted(_ validCase: Case) {
        var c = Self.valid
        validCase.change(&c)
        #expect(c.validationError() == nil)
    }

    @Test func configurationRoundTripsThroughJSONAndMissingKeysKeepDefaults() throws {
        var c = Self.valid
        c.turns = 7
        c.history = .lastK(3)
        c.sampler.topK = 40
        c.relayDirectory = "/tmp/relay"
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(c))
        #expect(decoded == c)
        let partial = try JSONDecoder().decode(RunConfiguration.self, from: Data(#"{"turns": 3, "sampler": {"top_p": 0.5}}"#.utf8))
        var expected = RunConfiguration()
        expected.turns = 3
        expected.sampler.topP = 0.5
        #expect(partial == expected)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RunConfiguration.self, from: Data(#"{"history": "last-0"}"#.utf8))
        }
    }
}
