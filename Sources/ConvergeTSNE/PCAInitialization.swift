/// The first two principal components of the input, the starting layout for ``TSNEConfiguration/Initialization/pca``.
///
/// Like scikit-learn's `TSNE(init="pca")`: the centred data projected on PC1 and PC2, each
/// component's sign chosen so that its largest-magnitude loading is positive (scikit-learn's
/// `svd_flip(u_based_decision=False)`), then everything divided by the standard deviation of PC1
/// and multiplied by 1e-4.
enum PCAInitialization {
    /// Returns N×2 coordinates, or `nil` when PC1 has zero variance (all points equal).
    static func coordinates(points: PointMatrix, threads: Int) -> [Double]? {
        let n = points.count
        let d = points.dimension
        var centred = [Double](repeating: 0, count: n * d)
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for a in 0..<d { mean[a] += Double(points.values[i * d + a]) } }
        for a in 0..<d { mean[a] /= Double(n) }
        for i in 0..<n { for a in 0..<d { centred[i * d + a] = Double(points.values[i * d + a]) - mean[a] } }

        let covariance = scatterMatrix(centred, count: n, dimension: d, threads: threads)
        let components =
            d <= 32
            ? topEigenvectorsJacobi(covariance, dimension: d, count: 2)
            : topEigenvectorsSubspace(covariance, dimension: d, count: 2)

        var result = [Double](repeating: 0, count: n * 2)
        for (c, var v) in components.enumerated() {
            var largest = 0
            for a in 0..<d where abs(v[a]) > abs(v[largest]) { largest = a }
            if v[largest] < 0 { for a in 0..<d { v[a] = -v[a] } }
            for i in 0..<n {
                var s = 0.0
                for a in 0..<d { s += centred[i * d + a] * v[a] }
                result[i * 2 + c] = s
            }
        }
        var mean1 = 0.0
        for i in 0..<n { mean1 += result[i * 2] }
        mean1 /= Double(n)
        var variance = 0.0
        for i in 0..<n { variance += (result[i * 2] - mean1) * (result[i * 2] - mean1) }
        let std = (variance / Double(n)).squareRoot()
        guard std > 0, std.isFinite else { return nil }
        for e in result.indices { result[e] = result[e] / std * 1e-4 }
        return result
    }

    /// XᵀX for centred X (N×D), full D×D. Rows of the result are computed in blocks of 16 so that
    /// X is streamed D/16 times; each entry is summed over the points in order (deterministic).
    static func scatterMatrix(_ x: [Double], count n: Int, dimension d: Int, threads: Int) -> [Double] {
        var c = [Double](repeating: 0, count: d * d)
        let block = 16
        let blocks = (d + block - 1) / block
        x.withUnsafeBufferPointer { x in
            c.withUnsafeMutableBufferPointer { c in
                parallelChunks(count: blocks, threads: threads, minimumChunk: 1) { range in
                    for b in range {
                        let a0 = b * block
                        let a1 = min(d, a0 + block)
                        for i in 0..<n {
                            let row = x.baseAddress! + i * d
                            for a in a0..<a1 {
                                let xa = row[a]
                                let out = c.baseAddress! + a * d
                                for e in a..<d { out[e] += xa * row[e] }
                            }
                        }
                    }
                }
                for a in 0..<d { for e in 0..<a { c[a * d + e] = c[e * d + a] } }
            }
        }
        return c
    }

    /// The `count` leading eigenvectors of a small symmetric matrix by cyclic Jacobi rotations.
    /// Missing ones (dimension < count) are zero vectors.
    static func topEigenvectorsJacobi(_ matrix: [Double], dimension d: Int, count: Int) -> [[Double]] {
        let (values, vectors) = jacobiEigen(matrix, dimension: d)
        let order = (0..<d).sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        return (0..<count).map { c in
            c < d ? (0..<d).map { vectors[$0 * d + order[c]] } : [Double](repeating: 0, count: d)
        }
    }

    /// Eigen-decomposition of a symmetric d×d matrix: eigenvalues and eigenvectors as columns.
    static func jacobiEigen(_ matrix: [Double], dimension d: Int) -> ([Double], [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            var diagonal = 0.0
            for p in 0..<d {
                diagonal += a[p * d + p] * a[p * d + p]
                for q in (p + 1)..<max(d, p + 1) { off += a[p * d + q] * a[p * d + q] }
            }
            if off <= 1e-30 * max(diagonal, 1e-300) { break }
            for p in 0..<d {
                for q in (p + 1)..<max(d, p + 1) where a[p * d + q] != 0 {
                    let apq = a[p * d + q]
                    let theta = (a[q * d + q] - a[p * d + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let cs = 1 / (t * t + 1).squareRoot()
                    let sn = t * cs
                    for k in 0..<d {
                        let akp = a[k * d + p]
                        let akq = a[k * d + q]
                        a[k * d + p] = cs * akp - sn * akq
                        a[k * d + q] = sn * akp + cs * akq
                    }
                    for k in 0..<d {
                        let apk = a[p * d + k]
                        let aqk = a[q * d + k]
                        a[p * d + k] = cs * apk - sn * aqk
                        a[q * d + k] = sn * apk + cs * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k * d + p]
                        let vkq = v[k * d + q]
                        v[k * d + p] = cs * vkp - sn * vkq
                        v[k * d + q] = sn * vkp + cs * vkq
                    }
                }
            }
        }
        return ((0..<d).map { a[$0 * d + $0] }, v)
    }

    /// The `count` leading eigenvectors of a large symmetric positive semi-definite matrix by
    /// subspace iteration on a block of 8 vectors with Rayleigh-Ritz every 5 steps, until the
    /// residual ‖Cv − λv‖ of each wanted vector is below 1e-10·λ₁ (at most 2000 steps).
    static func topEigenvectorsSubspace(_ c: [Double], dimension d: Int, count: Int) -> [[Double]] {
        let b = min(d, 8)
        var rng = SplitMix64(seed: 0x5EED_C0DE)
        var v = (0..<(d * b)).map { _ in rng.nextGaussian() }  // d×b, column j at v[a*b + j]
        orthonormalizeColumns(&v, rows: d, columns: b)
        var w = [Double](repeating: 0, count: d * b)
        for step in 1...2000 {
            multiply(c, v, into: &w, dimension: d, columns: b)
            if step % 5 == 0 || step == 2000 {
                // Rayleigh-Ritz: H = Vᵀ C V, rotate V and W onto H's eigenvectors.
                var h = [Double](repeating: 0, count: b * b)
                for i in 0..<b { for j in 0..<b { var s = 0.0; for a in 0..<d { s += v[a * b + i] * w[a * b + j] }; h[i * b + j] = s } }
                for i in 0..<b { for j in 0..<i { let m = (h[i * b + j] + h[j * b + i]) / 2; h[i * b + j] = m; h[j * b + i] = m } }
                let (values, vectors) = jacobiEigen(h, dimension: b)
                let order = (0..<b).sorted { values[$0] > values[$1] }
                var v2 = [Double](repeating: 0, count: d * b)
                var w2 = [Double](repeating: 0, count: d * b)
                for a in 0..<d {
                    for (jNew, jOld) in order.enumerated() {
                        var sv = 0.0, sw = 0.0
                        for i in 0..<b { sv += v[a * b + i] * vectors[i * b + jOld]; sw += w[a * b + i] * vectors[i * b + jOld] }
                        v2[a * b + jNew] = sv
                        w2[a * b + jNew] = sw
                    }
                }
                v = v2
                w = w2
                let lambda1 = max(values[order[0]], 1e-300)
                var converged = true
                for j in 0..<min(count, b) {
                    let lambda = values[order[j]]
                    var r = 0.0
                    for a in 0..<d { let t = w[a * b + j] - lambda * v[a * b + j]; r += t * t }
                    if r.squareRoot() > 1e-10 * lambda1 { converged = false }
                }
                if converged || step == 2000 {
                    return (0..<count).map { j in
                        j < b ? (0..<d).map { v[$0 * b + j] } : [Double](repeating: 0, count: d)
                    }
                }
            }
            v = w
            orthonormalizeColumns(&v, rows: d, columns: b)
        }
        return []
    }

    private static func multiply(_ c: [Double], _ v: [Double], into w: inout [Double], dimension d: Int, columns b: Int) {
        for a in 0..<d {
            for j in 0..<b { w[a * b + j] = 0 }
            for e in 0..<d {
                let cae = c[a * d + e]
                for j in 0..<b { w[a * b + j] += cae * v[e * b + j] }
            }
        }
    }

    /// Modified Gram-Schmidt on the columns of a row-major `rows × columns` matrix.
    private static func orthonormalizeColumns(_ m: inout [Double], rows: Int, columns: Int) {
        for j in 0..<columns {
            for i in 0..<j {
                var dot = 0.0
                for a in 0..<rows { dot += m[a * columns + i] * m[a * columns + j] }
                for a in 0..<rows { m[a * columns + j] -= dot * m[a * columns + i] }
            }
            var norm = 0.0
            for a in 0..<rows { norm += m[a * columns + j] * m[a * columns + j] }
            norm = norm.squareRoot()
            if norm > 0 { for a in 0..<rows { m[a * columns + j] /= norm } }
        }
    }
}
