import ConvergeMetrics
import Foundation

/// Signature strings for every metric, in sacrebleu's style (`key:value|…`), so a reader can tell
/// whether two sets of numbers were computed the same way. Each names the settings that change
/// the value; the definitions behind them are in docs/METRICS.md.
public enum MetricSignatures {
    /// The implementation version of the definitions below; bump it when any of them changes.
    public static let definitionsVersion = "1"

    /// - Parameters:
    ///   - embedder: the embedder's name, which decides cosine and coherence values.
    ///   - outputsPerConversation: outputs per conversation when all conversations have the same
    ///     number (self-BLEU's `nrefs` is one less); nil when they differ.
    /// - Returns: signatures keyed by metric.
    public static func all(embedder: String, outputsPerConversation: Int?) -> [String: String] {
        let words = "tok:py-re-[^\\W_]+|case:lc|unicode:14.0"
        let embedding = "embed:\(embedder)|pool:mean|max-pieces:256|norm:l2"
        let selfBLEU =
            outputsPerConversation.map { $0 >= 2 ? SelfBLEU.signature(count: $0) : "undefined" }
            ?? BLEU.signature(referenceCount: 0).replacingOccurrences(of: "nrefs:0", with: "nrefs:n-1")
        return [
            "bleu": BLEU.signature(),
            "jaccard": "\(words)|set:yes|empty-pair:0|converge:\(definitionsVersion)",
            "cosine": "\(embedding)|acc:f64|converge:\(definitionsVersion)",
            "coherence": "split:converge-sentences|pairs:adjacent|min-sentences:2|\(embedding)|converge:\(definitionsVersion)",
            "coherence_distinct": "split:converge-sentences|repeats:dropped|pairs:adjacent|min-sentences:2|\(embedding)|converge:\(definitionsVersion)",
            "distinct_n": "\(words)|n:1,2|converge:\(definitionsVersion)",
            "rep_n": "\(words)|n:4|window:prev+\\n+cur|converge:\(definitionsVersion)",
            "compression_ratio": "bytes:utf8|zlib-level:9|wbits:15|memlevel:8|window:prev+\\n+cur|converge:\(definitionsVersion)",
            "self_bleu": selfBLEU,
        ]
    }
}
