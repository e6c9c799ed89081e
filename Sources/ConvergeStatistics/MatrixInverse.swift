/// The inverse of a small square matrix, for the log-rank covariance and the logistic regression's
/// information matrix. Gauss–Jordan elimination with partial pivoting; at most a few dozen rows, so
/// nothing faster is needed.
enum MatrixInverse {
    /// - Parameter matrix: a square matrix, row-major.
    /// - Returns: its inverse, or nil when a pivot falls below 1e-12 of the largest entry (singular
    ///   or nearly so, such as a design matrix with collinear columns).
    static func invert(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        guard n > 0 else { return [] }
        let scale = matrix.flatMap { $0 }.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        var a = matrix
        var inverse = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            guard abs(a[pivot][column]) > 1e-12 * scale else { return nil }
            a.swapAt(column, pivot)
            inverse.swapAt(column, pivot)
            let divisor = a[column][column]
            for k in 0..<n {
                a[column][k] /= divisor
                inverse[column][k] /= divisor
            }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                guard factor != 0 else { continue }
                for k in 0..<n {
                    a[row][k] -= factor * a[column][k]
                    inverse[row][k] -= factor * inverse[column][k]
                }
            }
        }
        return inverse
    }
}
