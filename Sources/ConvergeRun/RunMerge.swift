import ConvergeCore
import ConvergeStore
public import Foundation

/// Joins the outputs of `converge run --shard i/n` into one run, as if it had run on one machine.
///
/// Shards must share their provenance: the same configuration (model specs aside, since file paths
/// and server URLs differ between machines), the same models by name and sha256, and the same tool
/// and llama.cpp versions. Every shard 0..<n must be present once. Unfinished shards are allowed:
/// `converge run --resume --out MERGED` finishes the merged run.
public enum RunMerge {
    /// - Parameters:
    ///   - shards: the shard output directories, in any order.
    ///   - output: a new directory for the merged run.
    ///   - command: the command line, recorded in the merged `run.json`.
    /// - Returns: how many turns the merged transcript holds.
    /// - Throws: `ConvergeError` naming the shard and the field that disagree.
    @discardableResult
    public static func merge(_ shards: [URL], into output: URL, command: [String]) throws -> Int {
        guard !shards.isEmpty else { throw ConvergeError(.invalidParameter, "merge needs at least one shard directory") }
        let manifests = try shards.map { try RunManifest.read(from: $0.appendingPathComponent("run.json")) }
        let reference = manifests[0]
        try checkCoverage(manifests, shards)
        for (manifest, directory) in zip(manifests, shards).dropFirst() {
            let differences = ProvenanceComparison.differences(reference, manifest)
            if !differences.isEmpty {
                throw ConvergeError(.invalidParameter, "\(directory.path) does not match \(shards[0].path): \(differences.joined(separator: "; "))")
            }
        }
        // Locked before the check, so a run or merge writing there now is named instead of raced.
        let lock = try DirectoryLock.claim(output)
        defer { withExtendedLifetime(lock) {} }
        let transcript = output.appendingPathComponent("transcript.jsonl")
        if FileManager.default.fileExists(atPath: transcript.path) {
            throw ConvergeError(.resume, "\(output.path) already holds a run; choose a new --out", value: output.path)
        }
        var records: [TurnRecord] = []
        for (manifest, directory) in zip(manifests, shards) {
            let shard = manifest.shard!
            let part = try TranscriptFile.read(directory.appendingPathComponent("transcript.jsonl"))
            if let stray = part.first(where: { !shard.contains(conversation: $0.conversation) }) {
                throw ConvergeError(.transcript, "\(directory.path) holds conversation \(stray.conversation), which is not in its shard \(shard)")
            }
            records += part
        }
        // Stable, so a failed turn stays before its successful retry, as in the shard's own file.
        let ordered = records.enumerated().sorted { x, y in
            (x.element.conversation, x.element.turn, x.offset) < (y.element.conversation, y.element.turn, y.offset)
        }.map(\.element)
        var merged = reference
        merged.shard = nil
        merged.command = command
        merged.createdAt = Date()
        merged.backend["merged_shards"] = zip(manifests, shards)
            .map { "\($0.shard!) \($1.path) (\($0.machine.hostname))" }.sorted().joined(separator: "; ")
        try TranscriptFile.rewrite(transcript, with: ordered)
        try merged.write(to: output.appendingPathComponent("run.json"))
        return ordered.count
    }

    /// Every shard is a shard of the same split, and each part appears exactly once.
    private static func checkCoverage(_ manifests: [RunManifest], _ shards: [URL]) throws {
        var seen: [Int: URL] = [:]
        for (manifest, directory) in zip(manifests, shards) {
            guard let shard = manifest.shard else {
                throw ConvergeError(.invalidParameter, "\(directory.path) is not a shard (its run.json has no shard; it was run without --shard)")
            }
            guard shard.count == manifests[0].shard!.count else {
                throw ConvergeError(
                    .invalidParameter, "\(directory.path) is shard \(shard) but \(shards[0].path) is shard \(manifests[0].shard!): different splits")
            }
            if let other = seen[shard.index] {
                throw ConvergeError(.invalidParameter, "shard \(shard) appears twice: \(other.path) and \(directory.path)")
            }
            seen[shard.index] = directory
        }
        let count = manifests[0].shard!.count
        let missing = (0..<count).filter { seen[$0] == nil }
        if !missing.isEmpty {
            throw ConvergeError(.invalidParameter, "missing shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))")
        }
    }
}
