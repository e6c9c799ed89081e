import Foundation

/// The Barnes-Hut cost over a sparse P (scikit-learn `_kl_divergence_bh`): attractive forces over
/// the stored neighbour pairs, repulsive forces and the normalisation Z from a quadtree.
struct BarnesHutObjective: TSNEObjective {
    let count: Int
    let p: SparseMatrix
    let theta: Double
    let threads: Int
    private var tree = QuadTree()
    private var repulsive: [Double]
    private var rowZ: [Double]
    private var rowError: [Double]
    /// Z estimated by the quadtree at the last evaluation.
    private(set) var lastNormalization = 0.0

    init(p: SparseMatrix, count: Int, theta: Double, threads: Int) {
        self.count = count
        self.p = p
        self.theta = theta
        self.threads = threads
        repulsive = [Double](repeating: 0, count: 2 * count)
        rowZ = [Double](repeating: 0, count: count)
        rowError = [Double](repeating: 0, count: count)
    }

    mutating func evaluate(
        positions y: UnsafeBufferPointer<Double>,
        gradient: UnsafeMutableBufferPointer<Double>,
        exaggeration: Double,
        computeError: Bool
    ) -> Double {
        let n = count
        tree.rebuild(positions: y, count: n)
        let thetaSquared = theta * theta
        rowZ.withUnsafeMutableBufferPointer { rowZ in
            repulsive.withUnsafeMutableBufferPointer { rep in
                tree.nodes.withUnsafeBufferPointer { nodes in
                    parallelChunks(count: n, threads: threads) { rows in
                        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * (QuadTree.maximumDepth + 2)) { stack in
                            var force = (0.0, 0.0)
                            for i in rows {
                                rowZ[i] = QuadTree.repulsion(
                                    nodes: nodes.baseAddress!, x: y[2 * i], y: y[2 * i + 1], thetaSquared: thetaSquared,
                                    stack: stack.baseAddress!, force: &force)
                                rep[2 * i] = force.0
                                rep[2 * i + 1] = force.1
                            }
                        }
                    }
                }
            }
        }
        let z = rowZ.withUnsafeBufferPointer(orderedSum)
        lastNormalization = z
        attractive(positions: y, into: gradient, exaggeration: exaggeration, z: z, computeError: computeError)
        for e in 0..<(2 * n) { gradient[e] = 4 * (gradient[e] - repulsive[e] / z) }
        return computeError ? rowError.withUnsafeBufferPointer(orderedSum) : 0
    }

    /// Writes Σ_j α·p_ij (1 + d²_ij)⁻¹ (y_i − y_j) per point into `out`; with `computeError`, also
    /// the per-row terms α·p_ij log(max(α·p_ij, tiny) / max(q_ij, tiny)) with q_ij = (1 + d²)⁻¹ / z
    /// and tiny the smallest normal float32 (scikit-learn's `compute_gradient_positive`).
    private mutating func attractive(
        positions y: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>,
        exaggeration: Double,
        z: Double,
        computeError: Bool
    ) {
        let n = count
        p.rowStart.withUnsafeBufferPointer { start in
            p.columns.withUnsafeBufferPointer { columns in
                p.values.withUnsafeBufferPointer { values in
                    rowError.withUnsafeMutableBufferPointer { rowError in
                        parallelChunks(count: n, threads: threads) { rows in
                            for i in rows {
                                var ax = 0.0, ay = 0.0, error = 0.0
                                for e in start[i]..<start[i + 1] {
                                    let j = Int(columns[e])
                                    let dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1]
                                    let q = 1 / (1 + dx * dx + dy * dy)
                                    let pij = exaggeration * values[e]
                                    ax += pij * q * dx
                                    ay += pij * q * dy
                                    if computeError {
                                        error += pij * log(max(pij, float32Tiny) / max(q / z, float32Tiny))
                                    }
                                }
                                out[2 * i] = ax
                                out[2 * i + 1] = ay
                                rowError[i] = error
                            }
                        }
                    }
                }
            }
        }
    }

    /// KL(P‖Q) at `positions` without exaggeration, with Z computed exactly over all pairs when
    /// `exactNormalization`, else estimated by the quadtree.
    mutating func finalKLDivergence(positions y: UnsafeBufferPointer<Double>, exactNormalization: Bool) -> Double {
        var scratch = [Double](repeating: 0, count: 2 * count)
        let estimate = scratch.withUnsafeMutableBufferPointer { g in
            evaluate(positions: y, gradient: g, exaggeration: 1, computeError: true)
        }
        guard exactNormalization else { return estimate }
        let z = ExactObjective.normalization(positions: y, count: count, threads: threads)
        scratch.withUnsafeMutableBufferPointer { g in
            attractive(positions: y, into: g, exaggeration: 1, z: z, computeError: true)
        }
        return rowError.withUnsafeBufferPointer(orderedSum)
    }
}
