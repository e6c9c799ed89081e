import ConvergeCore

/// A scripted `LanguageModel` for engine scheduling tests. Its text is a function of the prompt
/// and the request's random seed only, so a schedule-independent engine gives schedule-independent
/// transcripts. It records every call so tests can inspect the batches.
actor FakeModel: LanguageModel {
    nonisolated let name: String
    /// Decides a request's outcome; the default echoes the agent name, prompt length and seed.
    private let respond: @Sendable (String, GenerationRequest) -> Generation
    private(set) var calls: [[GenerationRequest]] = []
    /// When set, each call stays in flight for 30 ms and reports itself, to see calls overlap.
    private let probe: OverlapProbe?

    init(name: String, probe: OverlapProbe? = nil, respond: (@Sendable (String, GenerationRequest) -> Generation)? = nil) {
        self.name = name
        self.probe = probe
        self.respond =
            respond ?? { name, request in
                Generation(
                    text: "\(name)/\(FakeModel.text(of: request.prompt).count)/\(request.rngSeed % 1000)",
                    promptTokens: 1, tokens: 3, finishReason: .length)
            }
    }

    func generate(_ requests: [GenerationRequest]) async throws -> [Generation] {
        calls.append(requests)
        if let probe {
            await probe.enter()
            try await Task.sleep(for: .milliseconds(30))
            await probe.leave()
        }
        return requests.map { respond(name, $0) }
    }

    /// The raw prompt text (chat prompts are joined by newlines).
    static func text(of prompt: Prompt) -> String {
        switch prompt {
        case .raw(let text): text
        case .chat(let messages): messages.map(\.content).joined(separator: "\n")
        }
    }
}

/// Runs an engine and collects what it records.
func runEngine(
    _ configuration: RunConfiguration, a: FakeModel, b: FakeModel, plan: [Conversation]? = nil, schedule: EngineSchedule = .lockstep
) async throws -> [TurnRecord] {
    let engine = ConversationEngine(configuration: configuration, modelA: a, modelB: b, schedule: schedule)
    var records: [TurnRecord] = []
    try await engine.run(plan ?? Conversation.plan(seeds: configuration.seeds, replicates: configuration.replicates)) {
        records.append($0)
    }
    return records
}

func engineConfiguration(seeds: Int = 3, turns: Int = 5, parallel: Int = 1, history: HistoryWindow = .last) -> RunConfiguration {
    var c = RunConfiguration()
    c.seeds = (0..<seeds).map { "seed number \($0)" }
    c.turns = turns
    c.parallel = parallel
    c.history = history
    c.rngSeed = 11
    return c
}
