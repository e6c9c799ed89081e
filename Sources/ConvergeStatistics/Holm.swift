/// Holm's step-down correction for multiple comparisons (docs/METRICS.md, "Comparing conditions").
/// It controls the family-wise error rate, like Bonferroni, at no cost in assumptions and with more
/// power: sort the m p-values ascending; the i-th smallest (1-based) becomes
/// max over j ≤ i of min(1, (m − j + 1) · p₍ⱼ₎). The same as statsmodels' `multipletests(method="holm")`.
public enum Holm {
    /// Adjusts a family of p-values.
    /// - Parameter pValues: the raw p-values; nil marks a test that could not be run and is left
    ///   out of the family (it does not count toward m).
    /// - Returns: the adjusted p-values in the input order, nil where the input was nil.
    public static func adjust(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.indices.filter { pValues[$0] != nil }
        let order = present.sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
        let m = order.count
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]!))
            adjusted[index] = running
        }
        return adjusted
    }
}
