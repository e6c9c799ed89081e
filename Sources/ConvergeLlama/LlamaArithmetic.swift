import CLlama
import Foundation

/// What makes a sequence's arithmetic independent of its batch in this build, for provenance
/// (docs/INVARIANCE.md).
public enum LlamaArithmetic {
    /// The patch that lets llamafile's matrix kernels serve one-token batches too.
    static let everyBatchSizePatch = "llamafile-every-batch-size.patch"

    /// Whether the linked libllama computes every token's row with the same kernel whatever the
    /// batch holds. Upstream, llamafile's matrix kernels replace ggml's dot products only for
    /// batches of two or more tokens, so a build that has them is batch-dependent unless
    /// `scripts/setup.sh` patched them to take every batch size, or left them out.
    public static var isBatchInvariant: Bool { isBatchInvariant(hasLlamafile: hasLlamafile, patches: patches) }

    private static func isBatchInvariant(hasLlamafile: Bool, patches: [String: String]) -> Bool {
        !hasLlamafile || patches.keys.contains(everyBatchSizePatch)
    }

    /// One line for `run.json`: a resume or a merge across two of these is refused.
    public static var summary: String {
        let hasLlamafile = hasLlamafile
        let patches = patches
        guard isBatchInvariant(hasLlamafile: hasLlamafile, patches: patches) else {
            return "batch-dependent: libllama was built with llamafile's sgemm (GGML_LLAMAFILE=ON), unpatched"
        }
        let kQuants =
            ProcessInfo.processInfo.environment["GGML_CPU_TILED_MM"] == "0"
            ? "K-quants by per-row dot products (GGML_CPU_TILED_MM=0)" : "K-quants by the tiled kernel at every batch size (GGML_CPU_TILED_MM_FORCE=1)"
        let matrices =
            hasLlamafile
            ? "llamafile sgemm at every batch size (\(everyBatchSizePatch) sha256 \(patches[everyBatchSizePatch] ?? ""))"
            : "no llamafile sgemm (GGML_LLAMAFILE=OFF)"
        return
            "batch-invariant: \(matrices), \(kQuants), no weight repacking, one KV stream per sequence, flash attention off, one text per embedding pass"
    }

    private static var hasLlamafile: Bool {
        LlamaRuntime.configure(verbose: false)
        guard let info = llama_print_system_info() else { return false }
        return String(cString: info).contains("LLAMAFILE = 1")
    }

    /// The patches `scripts/setup.sh` applied to the libllama this process loaded, by file name, with
    /// their sha256: it lists them in `converge-patches.txt` beside the library.
    private static var patches: [String: String] {
        guard let library = loadedLibllama else { return [:] }
        let list = library.deletingLastPathComponent().appendingPathComponent("converge-patches.txt")
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { return [:] }
        let pairs = text.split(separator: "\n").compactMap { line -> (String, String)? in
            let fields = line.split(separator: " ")
            return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
        }
        return Dictionary(pairs) { first, _ in first }
    }

    /// The libllama file mapped into this process (Linux's /proc/self/maps): the one the dynamic
    /// linker chose, whatever the rpath or LD_LIBRARY_PATH said.
    private static var loadedLibllama: URL? {
        // Read to the end: /proc files report a size of 0, which whole-file readers trust.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? handle.close() }
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        let path = maps.split(separator: "\n").lazy.compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).last }
            .first { $0.hasPrefix("/") && $0.split(separator: "/").last?.hasPrefix("libllama.so") == true }
        return path.map { URL(fileURLWithPath: String($0)) }
    }
}
