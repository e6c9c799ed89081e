import ConvergeCore
import ConvergeLlama
import ConvergeOpenAI
import ConvergeStore
import Foundation

/// The two agents' backends, built from their model specs: llama.cpp in this process, or
/// inference servers over HTTP. Each agent may use either.
struct AgentBackends {
    var a: any LanguageModel
    var b: any LanguageModel
    /// Each agent's model file or server, for `run.json`.
    var models: [RunManifest.ModelFile]
    /// Backend notes for `run.json`, one per HTTP agent.
    var notes: [String: String] = [:]
    /// Whether an agent runs in-process, so the llama.cpp settings belong in provenance.
    var usesLlama = false
    private var counters: [RequestCounters] = []
    /// The in-process generators' token counts, read by the progress line between turns.
    var sampledTokens: [TokenCounter] = []

    /// Loads both agents; the same model file serves both agents once.
    /// - Parameter schedule: each in-process agent's threads.
    /// - Throws: `ConvergeError` when a model file is missing or a key variable is unset.
    static func load(
        _ specA: ModelSpec, _ specB: ModelSpec, run: RunConfiguration, schedule: RunSchedule, verbose: Bool
    ) async throws -> AgentBackends {
        var models: [Agent: any LanguageModel] = [:]
        var files: [RunManifest.ModelFile] = []
        var notes: [String: String] = [:]
        var counters: [RequestCounters] = []
        var loaded: [URL: LlamaModel] = [:]
        var sampled: [TokenCounter] = []
        for (agent, spec, threads) in [(Agent.a, specA, schedule.threadsA), (Agent.b, specB, schedule.threadsB)] {
            let role = "agent \(agent.rawValue)"
            switch spec {
            case .llama(let url):
                if loaded[url] == nil { loaded[url] = try await LoadedModels.load(spec, verbose: verbose) }
                guard let file = loaded[url] else { continue }
                let options = LlamaContextOptions(threads: threads, parallel: run.parallel, contextPerSequence: run.contextPerSequence)
                let generator = try await LlamaGenerator.make(model: file, options: options)
                models[agent] = generator
                sampled.append(generator.sampledTokens)
                let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
                files.append(
                    RunManifest.ModelFile(
                        role: role, name: file.name, path: url.path, sha256: try await FileDigest.sha256(of: url),
                        bytes: (attributes?[.size] as? NSNumber)?.int64Value ?? 0, description: file.summary
                    ))
            case .http(let configuration):
                let http = try await HTTPLanguageModel(configuration) { line in
                    StandardError.line("converge: \(line)")
                }
                for setting in http.dialect.unsupportedSettings(run.sampler) {
                    http.log("warning: \(role)'s \(http.dialect.rawValue) server does not take \(setting); not sent")
                }
                models[agent] = http
                counters.append(http.counters)
                files.append(
                    RunManifest.ModelFile(
                        role: role, name: configuration.model, path: configuration.endpoints.map(\.absoluteString).joined(separator: ","),
                        sha256: "", bytes: 0, description: "\(configuration.api.rawValue) API, \(http.dialect.rawValue) server"
                    ))
                notes[role] = "HTTP \(configuration.description)"
            }
        }
        var backends = AgentBackends(a: models[.a]!, b: models[.b]!, models: files, notes: notes, usesLlama: !loaded.isEmpty)
        backends.counters = counters
        backends.sampledTokens = sampled
        return backends
    }

    /// Retries and failed requests so far, for the progress line; nil with no HTTP agent.
    var progressNote: String? {
        guard !counters.isEmpty else { return nil }
        let retries = counters.reduce(0) { $0 + $1.retries }
        let failures = counters.reduce(0) { $0 + $1.failures }
        return "retries \(retries)" + (failures > 0 ? " · failed \(failures)" : "")
    }
}
