/// What `comparison.html` shows for an experiment: the design and warnings, then per detector each
/// condition's convergence rate with its CI, its Kaplan–Meier curve and onsets, the pairwise and
/// paired tests, and the sweep regression. Cells are preformatted text; all of it is escaped.
public struct ComparisonReportInput: Sendable {
    /// One detector's part of the page.
    public struct DetectorSection: Sendable {
        public var detector: String
        public var rates: [RateEstimate]
        /// Time to loop per condition.
        public var survival: [SurvivalCurve]
        /// The x axis's end: the longest conversation.
        public var lastTurn: Double
        /// Columns: condition, onsets, median, IQR, Kaplan–Meier median.
        public var onsetRows: [[String]]
        /// Columns: pair, rate difference, Fisher p, Holm p, log-rank p, Holm p, Mann–Whitney
        /// (converged only) p, Holm p.
        public var pairRows: [[String]]
        /// Columns: pair, pairs, first only, second only, McNemar p, Holm p, onset Wilcoxon p, Holm p.
        public var pairedRows: [[String]]
        /// The regression's heading, nil when there is none.
        public var regressionNote: String?
        /// Columns: term, log-odds, SE, z, p.
        public var regressionRows: [[String]]

        public init(
            detector: String, rates: [RateEstimate], survival: [SurvivalCurve] = [], lastTurn: Double = 25, onsetRows: [[String]],
            pairRows: [[String]], pairedRows: [[String]] = [], regressionNote: String? = nil, regressionRows: [[String]] = []
        ) {
            self.detector = detector
            self.rates = rates
            self.survival = survival
            self.lastTurn = lastTurn
            self.onsetRows = onsetRows
            self.pairRows = pairRows
            self.pairedRows = pairedRows
            self.regressionNote = regressionNote
            self.regressionRows = regressionRows
        }
    }

    public var title: String
    /// How the tests were run, shown under the title.
    public var method: String
    /// Which design the tests used and why.
    public var design: String
    public var warnings: [String]
    public var sections: [DetectorSection]
    /// The columns of `persistenceRows`.
    public static let persistenceHeader = [
        "condition", "branched at turn", "escape within", "branches escaped", "share", "95% CI (cluster bootstrap)", "parent", "parent left alone",
        "share", "95% CI (Wilson)",
    ]
    /// One row per branch condition: its escape share and its parent's; empty without branches.
    public var persistenceRows: [[String]]

    public init(
        title: String, method: String, design: String = "", warnings: [String] = [], sections: [DetectorSection], persistenceRows: [[String]] = []
    ) {
        self.title = title
        self.method = method
        self.design = design
        self.warnings = warnings
        self.sections = sections
        self.persistenceRows = persistenceRows
    }
}
