public import ConvergeDetection

/// Everything `report.html` shows, as plain values.
///
/// The report computes nothing: the CLI fills this from `run.json`, `metrics.csv`, `summary.json` and
/// the t-SNE output, so every number printed is exactly the number those files hold.
public struct ReportInput: Sendable {
    /// Shown as the page heading, e.g. the run directory's name.
    public var title: String
    /// Run provenance in display order: models and their sha256, tool version, llama.cpp build, ….
    public var provenance: [ReportField]
    /// The raw `run.json` text, shown verbatim in a collapsed block; nil when the run had none.
    public var runJSON: String?
    /// Protocol and sampler parameters in display order.
    public var parameters: [ReportField]
    /// Where the metrics are defined, and their signatures.
    public var metricDefinitions: MetricDefinitions
    /// The headline numbers, one entry per verdict.
    public var detectors: [VerdictOutcome]
    /// Time to loop, one Kaplan–Meier curve per verdict, the unconverged censored at their last turn.
    public var survival: [SurvivalCurve]
    /// Every conversation, in the order they should be listed.
    public var conversations: [ConversationReport]
    /// Mean and 95% band per turn, one entry per metric and pair.
    public var aggregates: [AggregateSeries]
    /// The t-SNE embedding of every output and seed; empty when t-SNE was not run.
    public var tsnePoints: [TSNEPoint]
    /// The final KL divergence of the t-SNE run, if known.
    public var tsneKLDivergence: Double?
    /// The `metrics.csv` columns drawn in each conversation's line chart. Nil draws the columns that
    /// have a threshold, or every column when none has one.
    public var chartColumns: [String]?

    public init(
        title: String,
        provenance: [ReportField] = [],
        runJSON: String? = nil,
        parameters: [ReportField] = [],
        metricDefinitions: MetricDefinitions = MetricDefinitions(),
        detectors: [VerdictOutcome] = [],
        survival: [SurvivalCurve] = [],
        conversations: [ConversationReport] = [],
        aggregates: [AggregateSeries] = [],
        tsnePoints: [TSNEPoint] = [],
        tsneKLDivergence: Double? = nil,
        chartColumns: [String]? = nil
    ) {
        self.title = title
        self.provenance = provenance
        self.runJSON = runJSON
        self.parameters = parameters
        self.metricDefinitions = metricDefinitions
        self.detectors = detectors
        self.survival = survival
        self.conversations = conversations
        self.aggregates = aggregates
        self.tsnePoints = tsnePoints
        self.tsneKLDivergence = tsneKLDivergence
        self.chartColumns = chartColumns
    }
}

/// One key and value of a table, kept in an array so the display order is the caller's.
public struct ReportField: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// The metric definitions the numbers follow.
public struct MetricDefinitions: Sendable, Equatable {
    /// A relative path to the definitions document (e.g. `docs/METRICS.md`). An absolute `http(s)`
    /// address is shown as text only, because the report makes no network fetches or links out.
    public var link: String?
    /// A short statement of the definitions, shown as preformatted text.
    public var text: String
    /// Signature strings, e.g. `("BLEU", "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.4.0")`.
    public var signatures: [ReportField]

    public init(link: String? = nil, text: String = "", signatures: [ReportField] = []) {
        self.link = link
        self.text = text
        self.signatures = signatures
    }
}
