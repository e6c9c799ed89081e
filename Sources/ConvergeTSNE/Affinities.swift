import Foundation

/// The input-space similarities P, built as scikit-learn builds them.
enum Affinities {
    /// One row of conditional probabilities p_{j|i} = exp(−β d²_ij) / Σ_k exp(−β d²_ik), with β
    /// found by scikit-learn's binary search (`_binary_search_perplexity`): start at β = 1, double or
    /// halve until the target is bracketed, then bisect; at most 100 steps; stop when the entropy is
    /// within 1e-5 nats of log(perplexity).
    /// - Parameters:
    ///   - squaredDistances: squared distances from point i to its candidates (self excluded).
    ///   - desiredEntropy: log(perplexity).
    ///   - out: receives the row, summing to 1.
    static func conditionalRow(
        squaredDistances: UnsafeBufferPointer<Double>,
        desiredEntropy: Double,
        out: UnsafeMutableBufferPointer<Double>
    ) {
        var betaMin = -Double.infinity
        var betaMax = Double.infinity
        var beta = 1.0
        for _ in 0..<100 {
            var sumP = 0.0
            for j in 0..<squaredDistances.count {
                let p = exp(-squaredDistances[j] * beta)
                out[j] = p
                sumP += p
            }
            if sumP == 0 { sumP = 1e-8 }
            var sumDistP = 0.0
            for j in 0..<squaredDistances.count {
                out[j] /= sumP
                sumDistP += squaredDistances[j] * out[j]
            }
            let entropyDifference = log(sumP) + beta * sumDistP - desiredEntropy
            if abs(entropyDifference) <= 1e-5 { break }
            if entropyDifference > 0 {
                betaMin = beta
                beta = betaMax == .infinity ? beta * 2 : (beta + betaMax) / 2
            } else {
                betaMax = beta
                beta = betaMin == -.infinity ? beta / 2 : (beta + betaMin) / 2
            }
        }
    }

    /// Conditional rows for `count` points with `width` candidates each: `distances(i, row)` writes
    /// point i's squared distances into `row`, which is then replaced by its probabilities.
    static func conditionalRows(
        count: Int, width: Int, perplexity: Double, threads: Int,
        distances: (Int, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        let desiredEntropy = log(perplexity)
        return parallelRows(count: count, width: width, threads: threads, minimumChunk: 4) { i, row in
            distances(i, row)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: width) { squared in
                _ = squared.initialize(fromContentsOf: row)
                conditionalRow(squaredDistances: UnsafeBufferPointer(squared), desiredEntropy: desiredEntropy, out: row)
            }
        }
    }

    /// Dense joint P (row-major N×N, zero diagonal): p_ij = (p_{j|i} + p_{i|j}) / 2N, floored at the
    /// double machine epsilon off the diagonal, as scikit-learn's `_joint_probabilities`.
    static func dense(points: PointMatrix, perplexity: Double, threads: Int) -> [Double] {
        let n = points.count
        let d = points.dimension
        // Row i holds p_{j|i} for the n − 1 points j ≠ i, in order.
        let conditional = points.values.withUnsafeBufferPointer { x in
            conditionalRows(count: n, width: n - 1, perplexity: perplexity, threads: threads) { i, row in
                for j in 0..<n where j != i {
                    row[j < i ? j : j - 1] = squaredDistanceDouble(
                        x.baseAddress! + i * d, x.baseAddress! + j * d, dimension: d)
                }
            }
        }
        func c(_ i: Int, _ j: Int) -> Double { conditional[i * (n - 1) + (j < i ? j : j - 1)] }
        var total = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i { total += c(i, j) + c(j, i) }
        }
        total = max(total, Double.ulpOfOne)
        var joint = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                joint[i * n + j] = max((c(i, j) + c(j, i)) / total, Double.ulpOfOne)
            }
        }
        return joint
    }

    /// Sparse joint P in compressed rows: conditional probabilities over each point's `k` nearest
    /// neighbours, symmetrised as P + Pᵀ and divided by its sum, as scikit-learn's
    /// `_joint_probabilities_nn`.
    static func sparse(neighbors: NearestNeighbors, perplexity: Double, threads: Int) -> SparseMatrix {
        let n = neighbors.count
        let k = neighbors.k
        let conditional = conditionalRows(count: n, width: k, perplexity: perplexity, threads: threads) { i, row in
            for s in 0..<k { row[s] = neighbors.squaredDistances[i * k + s] }
        }
        // Each entry (i, j, v) appears in row i and, transposed, in row j.
        var rowCounts = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            rowCounts[i] += k
            for s in 0..<k { rowCounts[Int(neighbors.indices[i * k + s])] += 1 }
        }
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { start[i + 1] = start[i] + rowCounts[i] }
        var fill = start
        var columns = [Int32](repeating: 0, count: start[n])
        var values = [Double](repeating: 0, count: start[n])
        for i in 0..<n {
            for s in 0..<k {
                let j = Int(neighbors.indices[i * k + s])
                let v = conditional[i * k + s]
                columns[fill[i]] = Int32(j)
                values[fill[i]] = v
                fill[i] += 1
                columns[fill[j]] = Int32(i)
                values[fill[j]] = v
                fill[j] += 1
            }
        }
        // Sort each row by column and merge duplicates (pairs that are neighbours both ways).
        var rowStart = [Int](repeating: 0, count: n + 1)
        var outColumns = [Int32]()
        var outValues = [Double]()
        outColumns.reserveCapacity(columns.count)
        outValues.reserveCapacity(values.count)
        var scratch = [(Int32, Double)]()
        for i in 0..<n {
            scratch.removeAll(keepingCapacity: true)
            for e in start[i]..<start[i + 1] { scratch.append((columns[e], values[e])) }
            scratch.sort { $0.0 < $1.0 }
            var e = 0
            while e < scratch.count {
                var v = scratch[e].1
                var f = e + 1
                while f < scratch.count, scratch[f].0 == scratch[e].0 {
                    v += scratch[f].1
                    f += 1
                }
                outColumns.append(scratch[e].0)
                outValues.append(v)
                e = f
            }
            rowStart[i + 1] = outColumns.count
        }
        var total = 0.0
        for v in outValues { total += v }
        total = max(total, Double.ulpOfOne)
        for e in outValues.indices { outValues[e] /= total }
        return SparseMatrix(rowStart: rowStart, columns: outColumns, values: outValues)
    }
}

/// A square matrix in compressed sparse rows.
struct SparseMatrix: Sendable {
    /// Row i's entries are `rowStart[i]..<rowStart[i + 1]`.
    let rowStart: [Int]
    let columns: [Int32]
    let values: [Double]
}
