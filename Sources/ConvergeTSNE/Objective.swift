import Foundation

/// The t-SNE cost KL(P‖Q) and its gradient, with Student-t kernel q_ij ∝ (1 + ‖y_i − y_j‖²)⁻¹ in 2-D.
///
/// The gradient is ∂KL/∂y_i = 4 Σ_j (α·p_ij − q_ij)(1 + d²_ij)⁻¹ (y_i − y_j), where α is the
/// early-exaggeration factor (scikit-learn multiplies P by α in place; this multiplies on the fly).
protocol TSNEObjective {
    /// Writes the gradient at `positions` (N×2, row-major) into `gradient` and returns
    /// KL(α·P‖Q) when `computeError` is set (scikit-learn's convention during exaggeration), else 0.
    mutating func evaluate(
        positions: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>,
        exaggeration: Double,
        computeError: Bool
    ) -> Double
}

/// Kullback-Leibler floor used by scikit-learn's Barnes-Hut code for p and q.
let float32Tiny = Double(Float.leastNormalMagnitude)

/// The exact O(N²) cost over a dense P (scikit-learn `_kl_divergence`).
///
/// Each row is computed independently (kernel values recomputed rather than stored), so the work
/// splits over threads without a shared N² buffer and the result does not depend on the split.
struct ExactObjective: TSNEObjective {
    let count: Int
    /// Dense joint P, N×N, zero diagonal, sums to 1.
    let p: [Double]
    let threads: Int
    private var rowZ: [Double]
    private var repulsive: [Double]

    init(p: [Double], count: Int, threads: Int) {
        self.count = count
        self.p = p
        self.threads = threads
        rowZ = [Double](repeating: 0, count: count)
        repulsive = [Double](repeating: 0, count: count * 2)
    }

    mutating func evaluate(
        positions y: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>,
        exaggeration: Double,
        computeError: Bool
    ) -> Double {
        let n = count
        let z: Double = p.withUnsafeBufferPointer { p in
            rowZ.withUnsafeMutableBufferPointer { rowZ in
                repulsive.withUnsafeMutableBufferPointer { rep in
                    parallelChunks(count: n, threads: threads, minimumChunk: 16) { rows in
                        for i in rows {
                            let xi = y[2 * i], yi = y[2 * i + 1]
                            var sumQ = 0.0, ax = 0.0, ay = 0.0, rx = 0.0, ry = 0.0
                            let pRow = p.baseAddress! + i * n
                            for j in 0..<n where j != i {
                                let dx = xi - y[2 * j], dy = yi - y[2 * j + 1]
                                let q = 1 / (1 + dx * dx + dy * dy)
                                sumQ += q
                                let pq = pRow[j] * q
                                ax += pq * dx
                                ay += pq * dy
                                let qq = q * q
                                rx += qq * dx
                                ry += qq * dy
                            }
                            rowZ[i] = sumQ
                            gradient[2 * i] = ax
                            gradient[2 * i + 1] = ay
                            rep[2 * i] = rx
                            rep[2 * i + 1] = ry
                        }
                    }
                    return orderedSum(UnsafeBufferPointer(rowZ))
                }
            }
        }
        for e in 0..<(2 * n) { gradient[e] = 4 * (exaggeration * gradient[e] - repulsive[e] / z) }
        guard computeError else { return 0 }
        return klDivergence(positions: y, z: z, exaggeration: exaggeration)
    }

    /// Σ_{i≠j} α·p_ij log(max(α·p_ij, ε) / max(q_ij, ε)) with ε the double machine epsilon, as
    /// scikit-learn's exact `_kl_divergence`.
    func klDivergence(positions y: UnsafeBufferPointer<Double>, z: Double, exaggeration: Double) -> Double {
        let n = count
        return p.withUnsafeBufferPointer { p in
            orderedRowSum(count: n, threads: threads) { i in
                var sum = 0.0
                for j in 0..<n where j != i {
                    let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                    let q = max(1 / (1 + dx * dx + dy * dy) / z, Double.ulpOfOne)
                    let pij = exaggeration * p[i * n + j]
                    sum += pij * log(max(pij, Double.ulpOfOne) / q)
                }
                return sum
            }
        }
    }

    /// The normalisation Z = Σ_{i≠j} (1 + d²_ij)⁻¹ at `positions`.
    static func normalization(positions y: UnsafeBufferPointer<Double>, count n: Int, threads: Int) -> Double {
        orderedRowSum(count: n, threads: threads) { i in
            var sum = 0.0
            for j in 0..<n where j != i {
                let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                sum += 1 / (1 + dx * dx + dy * dy)
            }
            return sum
        }
    }
}
