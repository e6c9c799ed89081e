public import ConvergeReport
public import ConvergeStatistics

extension SurvivalCurve {
    /// The curve a chart draws for a Kaplan–Meier estimate, so the run report and `comparison.html`
    /// draw the same steps and band from the same numbers.
    /// - Parameters:
    ///   - label: the legend entry (a verdict or a condition).
    ///   - estimate: the estimate, time 0 first.
    public init(label: String, _ estimate: KaplanMeier) {
        self.init(
            label: label, times: estimate.steps.map(\.time), survival: estimate.steps.map(\.survival),
            lower: estimate.steps.map(\.lower), upper: estimate.steps.map(\.upper))
    }
}
