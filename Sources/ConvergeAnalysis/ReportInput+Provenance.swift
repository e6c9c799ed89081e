import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import ConvergeStore
import Foundation

extension ReportInput {
    /// Where the run came from: tool and engine versions, models with their sha256, the machine,
    /// the embedder and the detector settings' provenance.
    static func provenance(_ analysis: RunAnalysis) -> [ReportField] {
        var fields: [ReportField] = []
        if let manifest = analysis.run.manifest {
            let date = ISO8601DateFormatter().string(from: manifest.createdAt)
            fields += [
                ReportField("converge version", manifest.toolVersion),
                ReportField("llama.cpp commit", manifest.llamaCppCommit),
                ReportField("created", date),
                ReportField("command", manifest.command.joined(separator: " ")),
            ]
            fields += manifest.models.map { ReportField("model \($0.role)", "\($0.name) — sha256 \($0.sha256), \($0.bytes) bytes; \($0.description)") }
            fields += manifest.backend.keys.sorted().map { ReportField("backend \($0)", manifest.backend[$0]!) }
            let machine = manifest.machine
            fields.append(ReportField("machine", "\(machine.cpu), \(machine.cores) cores, \(machine.operatingSystem)"))
        } else {
            fields.append(ReportField("source", "transcript.jsonl from another tool (no run.json); seeds from its rows"))
        }
        fields.append(ReportField("embedder", analysis.summary.embedder))
        fields.append(ReportField("detector settings", analysis.summary.detectorSettings.provenance))
        fields.append(ReportField("default verdict", analysis.summary.defaultVerdict.rawValue))
        return fields
    }

    /// The protocol and sampler settings from `run.json`, or what the transcript itself shows.
    static func parameters(_ analysis: RunAnalysis) -> [ReportField] {
        let conversations = analysis.run.conversations
        guard let configuration = analysis.run.manifest?.configuration else {
            let models = Set(conversations.flatMap { $0.turns.map { "\($0.agent.rawValue): \($0.model)" } }).sorted()
            return [
                ReportField("conversations", String(conversations.count)),
                ReportField("turns", String(conversations.map(\.turns.count).max() ?? 0)),
                ReportField("models", models.joined(separator: "; ")),
            ]
        }
        let sampler = configuration.sampler
        return [
            ReportField("preset", configuration.preset),
            ReportField("seeds × replicates", "\(configuration.seeds.count) × \(configuration.replicates)"),
            ReportField("turns", String(configuration.turns)),
            ReportField("max new tokens", String(configuration.maxTokens)),
            ReportField("model A", configuration.modelA.isEmpty ? "default" : configuration.modelA),
            ReportField("model B", configuration.modelB.isEmpty ? "default" : configuration.modelB),
            ReportField("history", configuration.history.description),
            ReportField("prompt mode", configuration.promptMode.rawValue),
            ReportField("temperature", "\(sampler.temperature)"),
            ReportField("top-p", "\(sampler.topP)"),
            ReportField("top-k", "\(sampler.topK)"),
            ReportField("min-p", "\(sampler.minP)"),
            ReportField("repeat / presence / frequency penalty", "\(sampler.repeatPenalty) / \(sampler.presencePenalty) / \(sampler.frequencyPenalty)"),
            ReportField("stop strings", configuration.stop.isEmpty ? "none" : configuration.stop.map { "\"\($0)\"" }.joined(separator: ", ")),
            ReportField("random seed", String(configuration.rngSeed)),
            ReportField("relay directory", configuration.relayDirectory ?? "none (in memory)"),
        ]
    }
}
