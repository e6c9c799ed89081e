import ConvergeCore
public import ConvergeStore
public import Foundation

/// The shard of a `converge run`: from `--shard`, or on `--resume` from the run's own `run.json`.
public enum ShardOption {
    /// - Throws: `ConvergeError` for a malformed `--shard`, or one that contradicts the resumed run.
    public static func resolve(_ text: String?, resume: Bool, manifest: URL) throws -> Shard? {
        let given = try text.map(Shard.init(parsing:))
        guard resume, FileManager.default.fileExists(atPath: manifest.path) else { return given }
        let recorded = try RunManifest.read(from: manifest).shard
        if let given, given != recorded {
            throw ConvergeError(.invalidParameter, "--shard \(given) contradicts \(manifest.path), which holds shard \(recorded?.description ?? "none")")
        }
        return recorded
    }
}
