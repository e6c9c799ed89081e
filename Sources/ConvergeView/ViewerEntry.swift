import ConvergeAnalysis
import ConvergeCore
import ConvergeMetrics
import ConvergeStore
import Foundation

/// One row of the index: a run, or an experiment whose conditions are runs. Everything comes from
/// the files runs already write; nothing is cached between requests, so a page always shows the
/// files as they are.
struct ViewerEntry: Sendable {
    enum Kind: String, Sendable { case run, experiment }
    enum State: String, Sendable { case running, finished, interrupted }

    var kind: Kind
    /// The path under the viewer's root, e.g. `quick-20261130` or `interventions/control`.
    var path: String
    var url: URL
    var preset: String
    var models: [String]
    var date: Date?
    var state: State
    var turnsDone: Int
    /// nil when the plan is unknown (a transcript from another tool).
    var turnsPlanned: Int?
    /// The saved analysis's verdicts, when `summary.json` exists.
    var summary: AnalysisSummary?

    /// Every run and experiment directly under `root`, newest first; `root` itself when it is a run.
    static func list(under root: URL) -> [ViewerEntry] {
        if isRun(root) { return [run(at: root, path: root.lastPathComponent)] }
        let children = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? []
        let entries = children.filter { !$0.lastPathComponent.hasPrefix(".") }.compactMap { url -> ViewerEntry? in
            if isExperiment(url) { return experiment(at: url, path: url.lastPathComponent) }
            return isRun(url) ? run(at: url, path: url.lastPathComponent) : nil
        }
        return entries.sorted { ($0.date ?? .distantPast, $0.path) > ($1.date ?? .distantPast, $1.path) }
    }

    static func isRun(_ url: URL) -> Bool {
        ["transcript.jsonl", "run.json"].contains { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    static func isExperiment(_ url: URL) -> Bool {
        ["experiment.yaml", "experiment.json", "comparison.json"].contains {
            FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
        }
    }

    /// The run directories of an experiment, one per condition, in name order.
    static func conditions(of url: URL) -> [URL] {
        let children = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return children.filter(isRun).sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func run(at url: URL, path: String) -> ViewerEntry {
        let manifest = try? RunManifest.read(from: url.appendingPathComponent("run.json"))
        let transcript = url.appendingPathComponent("transcript.jsonl")
        let done = lineCount(transcript)
        let planned = manifest.map { manifest in
            let plan = manifest.plan
            return (manifest.shard?.select(plan) ?? plan).count * manifest.configuration.turns
        }
        return ViewerEntry(
            kind: .run, path: path, url: url, preset: manifest?.configuration.preset ?? "—",
            models: manifest?.models.map(\.name) ?? [], date: manifest?.createdAt ?? modified(transcript),
            state: state(of: url, done: done, planned: planned), turnsDone: done, turnsPlanned: planned,
            summary: readSummary(url))
    }

    static func experiment(at url: URL, path: String) -> ViewerEntry {
        let runs = conditions(of: url).map { run(at: $0, path: path + "/" + $0.lastPathComponent) }
        let planned = runs.allSatisfy { $0.turnsPlanned != nil } ? runs.reduce(0) { $0 + ($1.turnsPlanned ?? 0) } : nil
        let state: State =
            runs.contains { $0.state == .running }
            ? .running
            : runs.allSatisfy { $0.state == .finished } ? .finished : .interrupted
        return ViewerEntry(
            kind: .experiment, path: path, url: url, preset: "experiment: \(runs.count) conditions",
            models: Array(Set(runs.flatMap(\.models))).sorted(), date: runs.compactMap(\.date).min() ?? modified(url),
            state: state, turnsDone: runs.reduce(0) { $0 + $1.turnsDone }, turnsPlanned: planned, summary: nil)
    }

    /// Running while a process holds the directory lock (`.converge.lock`), or, for writers without one, while the transcript
    /// changed in the last 10 s; finished once every planned turn is on disk.
    static func state(of url: URL, done: Int, planned: Int?) -> State {
        if DirectoryLock.isHeld(in: url) { return .running }
        if let planned, done >= planned { return .finished }
        if let changed = modified(url.appendingPathComponent("transcript.jsonl")), Date().timeIntervalSince(changed) < 10 {
            return .running
        }
        return planned == nil ? .finished : .interrupted
    }

    static func readSummary(_ url: URL) -> AnalysisSummary? {
        guard let data = try? Data(contentsOf: url.appendingPathComponent("summary.json")) else { return nil }
        return try? JSONDecoder().decode(AnalysisSummary.self, from: data)
    }

    /// Complete lines only: a turn being written is not a turn yet.
    static func lineCount(_ url: URL) -> Int {
        guard let data = try? Data(contentsOf: url) else { return 0 }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    static func modified(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
}
