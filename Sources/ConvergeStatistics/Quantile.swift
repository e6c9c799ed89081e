/// The q-quantile of sorted values by linear interpolation between order statistics (numpy's
/// default), shared by the onset quartiles and the bootstrap percentiles.
/// - Parameters:
///   - sorted: ascending values, at least one.
///   - q: the quantile, 0…1.
/// - Returns: the interpolated value.
func linearQuantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = Double(sorted.count - 1) * q
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
}
