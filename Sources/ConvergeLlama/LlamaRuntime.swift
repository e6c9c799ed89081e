import CLlama
import ConvergeCore
import Foundation

/// Process-wide llama.cpp set-up, done once before the first model loads.
enum LlamaRuntime {
    /// Written once, by `configure(verbose:)` before any model loads; read from llama.cpp's log thread.
    nonisolated(unsafe) private static var verbose = false

    private static let initialised: Void = {
        // ggml's tiled K-quant kernel takes over from the per-row dot products at 8 or more rows, so
        // a token's arithmetic would depend on its batch; forced, it serves every batch size, and
        // each row comes out the same (docs/INVARIANCE.md). ggml reads this once, at its first
        // product, and a user's GGML_CPU_TILED_MM=0 (per-row dot products throughout) is kept.
        if ProcessInfo.processInfo.environment["GGML_CPU_TILED_MM"] != "0" {
            setenv("GGML_CPU_TILED_MM_FORCE", "1", 1)
        }
        llama_log_set(
            { _, text, _ in
                guard LlamaRuntime.verbose, let text else { return }
                StandardError.write(String(cString: text))
            }, nil)
        llama_backend_init()
    }()

    /// Initialises the backend once and routes llama.cpp's log to stderr only when `verbose`.
    static func configure(verbose: Bool) {
        if verbose { self.verbose = true }
        _ = initialised
    }
}

/// The llama.cpp commit this build links against, recorded in provenance. The sdist ships a depth-1
/// `.git`, so llama.cpp itself reports build 1; the commit comes from the pinned sdist instead.
public let llamaCppCommit = "0c1e570"
