import CLlama
import Foundation

/// What makes a sequence's arithmetic independent of its batch in this build, for provenance
/// (docs/INVARIANCE.md).
public enum LlamaArithmetic {
    /// Whether the linked libllama computes every token's row with the same kernel whatever the
    /// batch holds. llamafile's matrix kernels replace ggml's dot products only for batches of two or
    /// more tokens, so a build that has them is batch-dependent; `scripts/setup.sh` builds without.
    public static var isBatchInvariant: Bool {
        LlamaRuntime.configure(verbose: false)
        guard let info = llama_print_system_info() else { return false }
        return !String(cString: info).contains("LLAMAFILE = 1")
    }

    /// One line for `run.json`.
    public static var summary: String {
        guard isBatchInvariant else {
            return "batch-dependent: libllama was built with llamafile's sgemm (GGML_LLAMAFILE=ON)"
        }
        let kQuants =
            ProcessInfo.processInfo.environment["GGML_CPU_TILED_MM"] == "0"
            ? "K-quants by per-row dot products (GGML_CPU_TILED_MM=0)" : "K-quants by the tiled kernel at every batch size (GGML_CPU_TILED_MM_FORCE=1)"
        return
            "batch-invariant: no llamafile sgemm (GGML_LLAMAFILE=OFF), \(kQuants), no weight repacking, one KV stream per sequence, flash attention off, one text per embedding pass"
    }
}
