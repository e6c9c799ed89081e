import ConvergeCore
import ConvergeRun
import Foundation
import Testing

@testable import ConvergeOpenAI

@Suite struct SpecParsingTests {
    @Test func parsesEndpointsAndOptions() throws {
        let spec =
            "openai:meta-llama/Llama-2-13b@rev@http://10.0.0.1:8000/v1,https://h2:8001/#key=MY_KEY&server=vllm&concurrency=16&ttfb=30&timeout=900&retries=3"
        let c = try HTTPBackendConfiguration(parsing: spec)
        #expect(c.api == .openai)
        #expect(c.model == "meta-llama/Llama-2-13b@rev")
        #expect(c.endpoints.map(\.absoluteString) == ["http://10.0.0.1:8000", "https://h2:8001"])
        #expect(c.keyVariable == "MY_KEY")
        #expect(c.dialect == .vllm)
        #expect(c.concurrency == 16 && c.firstByteTimeout == 30 && c.requestTimeout == 900 && c.maxAttempts == 4)
        #expect(try HTTPBackendConfiguration(parsing: c.description) == c)
    }

    @Test func ollamaSpeaksItsOwnDialect() throws {
        let c = try HTTPBackendConfiguration(parsing: "ollama:llama2:13b@http://127.0.0.1:11434")
        #expect(c.api == .ollama && c.model == "llama2:13b" && c.dialect == .ollama)
        #expect(c.description == "ollama:llama2:13b@http://127.0.0.1:11434")
    }

    @Test(arguments: [
        "openai:model", "openai:@http://h:1", "openai:m@ftp://h", "openai:m@http://u:p@h:1",
        "openai:m@http://h:1#colour=red", "openai:m@http://h:1#server=ollama", "openai:m@http://h:1#concurrency=0",
        "openai:m@http://h:1#key",
        "openai:m@http://h:1#ttfb=inf", "openai:m@http://h:1#timeout=1e30", "openai:m@http://h:1#retries=1e19",
        "openai:m@http://h:1#concurrency=inf", "openai:m@http://h:1#concurrency=2.5", "openai:m@http://h:1#timeout=nan",
        "openai:m@http://h:1#retries=-1",
    ])
    func rejectsMalformedSpecs(_ spec: String) {
        #expect(throws: ConvergeError.self) { try HTTPBackendConfiguration(parsing: spec) }
    }

    @Test func modelSpecRoutesHTTPSchemes() throws {
        let spec = try ModelSpec(parsing: "openai:m@http://127.0.0.1:1", defaultFor: .a)
        guard case .http(let c) = spec else { Issue.record("not an HTTP spec: \(spec)"); return }
        #expect(c.model == "m")
        #expect(throws: ConvergeError.self) { try ModelSpec(parsing: "vllm:m@http://h:1", defaultFor: .a) }
    }

    @Test func missingKeyVariableIsAnError() throws {
        let c = try HTTPBackendConfiguration(parsing: "openai:m@http://127.0.0.1:1#key=CONVERGE_SURELY_UNSET")
        #expect(throws: ConvergeError.self) { try c.apiKey(environment: [:]) }
        #expect(try c.apiKey(environment: ["CONVERGE_SURELY_UNSET": "k"]) == "k")
    }

    @Test func unsupportedSettingsAreNamed() {
        var sampler = SamplerSettings()
        #expect(ServerDialect.allCases.allSatisfy { $0.unsupportedSettings(sampler).isEmpty })
        sampler.topK = 40
        sampler.dryMultiplier = 0.8
        #expect(ServerDialect.openai.unsupportedSettings(sampler) == ["top_k=40", "dry_multiplier=0.8"])
        #expect(ServerDialect.vllm.unsupportedSettings(sampler) == ["dry_multiplier=0.8"])
        #expect(ServerDialect.llamaCpp.unsupportedSettings(sampler).isEmpty)
        sampler.noRepeatNgramSize = 3
        #expect(ServerDialect.allCases.allSatisfy { $0.unsupportedSettings(sampler).contains("no_repeat_ngram_size=3") })
    }

    @Test func llamaCppRequestsPinEverySampler() {
        let request = GenerationRequest(prompt: .raw("x"), maxTokens: 5, sampler: SamplerSettings(), stop: [], rngSeed: UInt64.max)
        let wire = WireRequest(request, model: "m", dialect: .llamaCpp)
        #expect(wire.path == "/v1/completions")
        #expect(wire.body["top_k"] as? Int == 0)
        #expect(wire.body["min_p"] as? Double == 0)
        #expect(wire.body["seed"] as? Int == 0x7FFF_FFFF)
        #expect(wire.body["samplers"] as? [String] == ["penalties", "dry", "temperature", "top_k", "top_p", "min_p"])
        let chat = WireRequest(
            GenerationRequest(prompt: .chat([.init(role: .user, content: "hi")]), maxTokens: 5, sampler: SamplerSettings(), stop: ["\n"], rngSeed: 1),
            model: "m", dialect: .ollama
        )
        #expect(chat.path == "/api/chat")
        #expect((chat.body["options"] as? [String: Any])?["num_predict"] as? Int == 5)
    }
}
