import ConvergeCore
import ConvergeStore
public import Foundation

/// The shared output root of a `--shard auto` job array: one `shard-i-of-n` directory per task.
public enum ShardRoot {
    /// Whether `directory` is such a root rather than a run or a shard itself.
    public static func isRoot(_ directory: URL) -> Bool {
        !((try? entries(directory)) ?? []).isEmpty
    }

    /// The shard directories of a root, in shard order.
    /// - Throws: `ConvergeError` `.invalidParameter` when the root holds none, holds shards of
    ///   different splits, or lacks a shard (naming the directory each missing task should have written).
    public static func shardDirectories(in root: URL) throws -> [URL] {
        let found = try entries(root)
        guard let count = found.first?.shard.count else {
            throw ConvergeError(.invalidParameter, "\(root.path) holds no shard-i-of-n directories (written by --shard auto)", value: root.path)
        }
        let splits = Set(found.map(\.shard.count))
        guard splits.count == 1 else {
            throw ConvergeError(
                .invalidParameter,
                "\(root.path) holds shards of different splits (\(splits.sorted().map { "of \($0)" }.joined(separator: ", "))); merge one split at a time",
                value: root.path)
        }
        let present = Set(found.map(\.shard.index))
        let missing = (0..<count).filter { !present.contains($0) }
        if !missing.isEmpty {
            let names = missing.map { (try? Shard(index: $0, count: count))?.directoryName ?? "" }
            throw ConvergeError(
                .invalidParameter,
                "\(root.path) lacks shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) (no \(names.joined(separator: ", "))): those tasks have not run",
                value: root.path)
        }
        return found.sorted { $0.shard.index < $1.shard.index }.map(\.url)
    }

    private static func entries(_ root: URL) throws -> [(shard: Shard, url: URL)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        } catch {
            throw ConvergeError(.io, "cannot list \(root.path): \(error.localizedDescription)", value: root.path, underlying: error)
        }
        return names.compactMap { name in Shard(directoryName: name).map { ($0, root.appendingPathComponent(name)) } }
    }
}
