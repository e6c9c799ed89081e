public import ConvergeDetection
import ConvergeMetrics

/// The attractor atlas: the looping spans of every run it read, clustered, named and typed
/// (docs/ATLAS.md). Encoded as `atlas.json`; it holds nothing that depends on when or where it was
/// written, so the same runs always give the same bytes.
public struct Atlas: Codable, Sendable, Equatable {
    public struct Cluster: Codable, Sendable, Equatable {
        /// The distinguishing n-grams joined by " · ", or "cluster N" when none stands out.
        public var name: String
        /// The form most of its spans take; ties go to the more specific form.
        public var form: LoopForm
        public var ngrams: [String]
        /// Span counts per form.
        public var forms: [LoopForm: Int]
        /// Spans per run, per verdict: `by_run[run][verdict]`.
        public var byRun: [String: [VerdictName: Int]]
        /// Spans per model pair, per verdict.
        public var byModelPair: [String: [VerdictName: Int]]
        /// Indices into `spans`, the most typical (closest to the cluster's mean) first.
        public var spans: [Int]

        enum CodingKeys: String, CodingKey {
            case name, form, ngrams, forms, spans
            case byRun = "by_run"
            case byModelPair = "by_model_pair"
        }
    }

    /// One run the atlas read: how many conversations it has and how many loop under each verdict.
    public struct Run: Codable, Sendable, Equatable {
        public var name: String
        public var modelPairs: [String]
        public var conversations: Int
        public var looping: [VerdictName: Int]

        enum CodingKeys: String, CodingKey {
            case name, conversations, looping
            case modelPairs = "model_pairs"
        }
    }

    /// How the atlas was made, so a reader can redo it.
    public struct Method: Codable, Sendable, Equatable {
        public var embedder: String
        public var linkage: String
        public var threshold: Double
        public var detectors: String
        public var map: String
    }

    public var clusters: [Cluster]
    public var spans: [LoopSpan]
    public var runs: [Run]
    public var method: Method
    /// The map's final KL divergence; nil without a map.
    public var klDivergence: Double?

    enum CodingKeys: String, CodingKey {
        case clusters, spans, runs, method
        case klDivergence = "kl_divergence"
    }
}
