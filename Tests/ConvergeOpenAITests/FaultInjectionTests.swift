import ConvergeCore
import ConvergeOpenAI
import ConvergeRun
import Foundation
import Testing

/// Each fault from the proxy is handled as documented, with a real `llama-server` behind it.
@Suite(.serialized, .timeLimit(.minutes(2)), .tags(.server))
struct FaultInjectionTests {
    let request = GenerationRequest(prompt: .raw("The cat sat on"), maxTokens: 4, sampler: SamplerSettings(), stop: [], rngSeed: 7)

    /// A model on the proxy alone: no dialect probe (it would use up a scripted fault), a quick
    /// backoff, and a 2 s first-byte deadline so the hang costs little.
    func model(_ proxy: FaultProxy, options: String = "") async throws -> HTTPLanguageModel {
        let spec = "openai:smol@\(proxy.url.absoluteString)#server=llama.cpp&ttfb=2" + options
        return try await HTTPLanguageModel(try HTTPBackendConfiguration(parsing: spec), retryBaseDelay: 0.05) { _ in }
    }

    @Test func transientFaultsAreRetriedUntilTheServerAnswers() async throws {
        try await LlamaServer.with([DefaultModels.agentB]) { servers in
            let faults: [FaultProxy.Fault] = [.tooManyRequests(retryAfter: 1), .serverError, .hang, .garbage, .reset, .errorInBody]
            for fault in faults {
                let proxy = try FaultProxy(upstream: servers[0].port, script: [fault])
                defer { proxy.stop() }
                let model = try await model(proxy)
                let start = Date()
                let generation = try await model.generate([request])[0]
                #expect(generation.finishReason == .length && !generation.text.isEmpty, "after \(fault)")
                #expect(model.counters.retries == 1 && model.counters.failures == 0, "after \(fault)")
                #expect(proxy.connections == 2, "after \(fault)")
                if case .tooManyRequests = fault {
                    #expect(Date().timeIntervalSince(start) >= 1, "Retry-After was not honoured")
                }
            }
        }
    }

    @Test func otherClientErrorsAreNotRetried() async throws {
        let proxy = try FaultProxy(upstream: try LocalSocket.freePort(), script: [.badRequest])
        defer { proxy.stop() }
        let model = try await model(proxy)
        let generation = try await model.generate([request])[0]
        #expect(generation.finishReason == .error)
        #expect(model.counters.retries == 0 && model.counters.failures == 1)
        #expect(proxy.connections == 1)
    }

    @Test func aReplyWithoutEndIsCutAtTheCapAndNotRetried() async throws {
        let proxy = try FaultProxy(upstream: try LocalSocket.freePort(), script: [.endless, .endless])
        defer { proxy.stop() }
        let model = try await model(proxy, options: "&retries=1")
        let generations = try await model.generate([request])
        #expect(generations.map(\.finishReason) == [.error])
        #expect(model.counters.retries == 0 && proxy.connections == 1)
    }

    @Test func aTurnFailsWhenEveryAttemptFails() async throws {
        let proxy = try FaultProxy(upstream: try LocalSocket.freePort(), script: [.serverError, .serverError, .serverError])
        defer { proxy.stop() }
        let model = try await model(proxy, options: "&retries=2")
        let generations = try await model.generate([request])
        #expect(generations.map(\.finishReason) == [.error])
        #expect(model.counters.retries == 2 && model.counters.failures == 1)
    }

    @Test func concurrencyPerEndpointIsLimited() async throws {
        // Every connection hangs until the 0.5 s deadline, so the third and fourth requests can only
        // start once the first two have given up.
        let proxy = try FaultProxy(upstream: try LocalSocket.freePort(), script: Array(repeating: .hang, count: 8))
        defer { proxy.stop() }
        let model = try await model(proxy, options: "&concurrency=2&retries=0&ttfb=0.5")
        let generations = try await model.generate(Array(repeating: request, count: 4))
        #expect(generations.allSatisfy { $0.finishReason == .error })
        let times = proxy.acceptTimes.map { $0.timeIntervalSince(proxy.acceptTimes[0]) }
        #expect(times.count == 4)
        #expect(times[1] < 0.3 && times[2] >= 0.45 && times[3] >= 0.45, "accepted at \(times)")
    }
}
