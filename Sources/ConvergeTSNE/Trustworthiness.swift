/// Trustworthiness of a low-dimensional embedding (Venna and Kaski 2001), defined as
/// `sklearn.manifold.trustworthiness` with the Euclidean metric:
///
/// T(k) = 1 − 2 / (N k (2N − 3k − 1)) · Σ_i Σ_{j ∈ U_k(i)} max(0, r(i, j) − k)
///
/// where U_k(i) are the k nearest neighbours of i in the embedding and r(i, j) is the rank of j
/// among i's neighbours in the input space (1 = nearest). Ties are broken by index. 1 means every
/// embedded neighbourhood is a true one. O(N²·D) time, O(N) memory per thread.
///
/// - Parameters:
///   - high: the input vectors, one row per point.
///   - low: the embedded coordinates, same number of rows.
///   - k: the neighbourhood size; `1 ≤ k < N / 2` as scikit-learn requires.
///   - threads: worker threads; `nil` uses every core. The result does not depend on it.
/// - Returns: a value in [0, 1] (it can dip below 0 only for adversarial embeddings).
/// - Throws: ``TSNEError`` for too few, ragged or non-finite rows, or an out-of-range `k`.
public func trustworthiness<H: BinaryFloatingPoint, L: BinaryFloatingPoint>(
    high: [[H]],
    low: [[L]],
    k: Int = 10,
    threads: Int? = nil
) throws(TSNEError) -> Double {
    let x = try PointMatrix(rows: high, what: "input points")
    let e = try PointMatrix(rows: low, what: "embedded points")
    let n = x.count
    guard e.count == n else {
        throw TSNEError(.invalidNeighbourCount, "input has \(n) points but the embedding has \(e.count)")
    }
    guard k >= 1, 2 * k < n else {
        throw TSNEError(.invalidNeighbourCount, "k must satisfy 1 ≤ k < N/2 = \(Double(n) / 2), got \(k)")
    }
    let lowCoordinates = low.flatMap { row in row.map { Double($0) } }
    let ld = e.dimension
    var penalties = [Double](repeating: 0, count: n)
    x.values.withUnsafeBufferPointer { xv in
        penalties.withUnsafeMutableBufferPointer { out in
            parallelChunks(count: n, threads: resolvedThreadCount(threads), minimumChunk: 8) { rows in
                var highDistance = [Double](repeating: 0, count: n)
                var lowNeighbours = [(Double, Int)]()
                for i in rows {
                    for j in 0..<n {
                        highDistance[j] = squaredDistanceDouble(
                            xv.baseAddress! + i * x.dimension, xv.baseAddress! + j * x.dimension, dimension: x.dimension)
                    }
                    lowNeighbours.removeAll(keepingCapacity: true)
                    for j in 0..<n where j != i {
                        var s = 0.0
                        for a in 0..<ld {
                            let t = lowCoordinates[i * ld + a] - lowCoordinates[j * ld + a]
                            s += t * t
                        }
                        if lowNeighbours.count < k || s < lowNeighbours[k - 1].0 {
                            if lowNeighbours.count == k { lowNeighbours.removeLast() }
                            let at = lowNeighbours.firstIndex { $0.0 > s } ?? lowNeighbours.count
                            lowNeighbours.insert((s, j), at: at)
                        }
                    }
                    var penalty = 0.0
                    for (_, j) in lowNeighbours {
                        let dj = highDistance[j]
                        var rank = 1
                        for l in 0..<n where l != i && l != j {
                            let dl = highDistance[l]
                            if dl < dj || (dl == dj && l < j) { rank += 1 }
                        }
                        penalty += Double(max(0, rank - k))
                    }
                    out[i] = penalty
                }
            }
        }
    }
    let total = penalties.withUnsafeBufferPointer(orderedSum)
    let nn = Double(n), kk = Double(k)
    return 1 - total * (2 / (nn * kk * (2 * nn - 3 * kk - 1)))
}
