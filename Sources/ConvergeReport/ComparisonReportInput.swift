/// What `comparison.html` shows for an experiment: per detector, each condition's convergence rate
/// with its CI and onsets, and the pairwise tests. Cells are preformatted text; all of it is escaped.
public struct ComparisonReportInput: Sendable {
    /// One detector's part of the page.
    public struct DetectorSection: Sendable {
        public var detector: String
        public var rates: [RateEstimate]
        /// Columns: condition, onsets, median, IQR.
        public var onsetRows: [[String]]
        /// Columns: pair, rate difference, Fisher p, Holm p, Mann–Whitney p, Holm p.
        public var pairRows: [[String]]

        public init(detector: String, rates: [RateEstimate], onsetRows: [[String]], pairRows: [[String]]) {
            self.detector = detector
            self.rates = rates
            self.onsetRows = onsetRows
            self.pairRows = pairRows
        }
    }

    public var title: String
    /// How the tests were run, shown under the title.
    public var method: String
    public var sections: [DetectorSection]

    public init(title: String, method: String, sections: [DetectorSection]) {
        self.title = title
        self.method = method
        self.sections = sections
    }
}
