import ConvergeCore
import Crypto
public import Foundation

/// SHA-256 of a file, for provenance. Model files are hundreds of megabytes, so this streams them
/// and caches digests by path, size and modification time next to the file.
public enum FileDigest {
    /// The hex SHA-256 of a file, computed on a dispatch queue: hashing a model file blocks.
    /// - Throws: when the file cannot be read.
    public static func sha256(of url: URL) async throws -> String {
        try await BlockingCall.run { try sha256(of: url) }
    }

    /// The hex SHA-256 of a file, on the calling thread.
    /// - Throws: when the file cannot be read.
    public static func sha256(of url: URL) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let stamp = "\(size) \(modified)"
        let cache = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sha256")
        if let cached = try? String(contentsOf: cache, encoding: .utf8) {
            let parts = cached.split(separator: "\n")
            if parts.count == 2, parts[0] == stamp { return String(parts[1]) }
        }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        let digest = hex(hasher.finalize())
        try? "\(stamp)\n\(digest)".write(to: cache, atomically: true, encoding: .utf8)
        return digest
    }

    /// The hex SHA-256 of bytes in memory, such as a prompt recorded in a label's provenance.
    public static func sha256(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
