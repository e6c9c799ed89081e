import Foundation
import Testing

@testable import ConvergeTSNE

/// Laws of the cost function: the gradient is the derivative of the KL divergence, and Barnes-Hut
/// with θ = 0 over all neighbours is the exact gradient.
@Suite("t-SNE gradient", .timeLimit(.minutes(1)))
struct TSNEGradientTests {
    static func setup(count: Int) throws -> (PointMatrix, [Double]) {
        var rng = SplitMix64(seed: 42)
        let rows = (0..<count).map { _ in (0..<5).map { _ in Float(rng.nextGaussian()) } }
        let positions = (0..<(2 * count)).map { _ in rng.nextGaussian() }
        return (try PointMatrix(rows: rows), positions)
    }

    @Test("exact gradient matches central finite differences of KL")
    func finiteDifferences() throws {
        let n = 15
        let (points, positions) = try Self.setup(count: n)
        var objective = ExactObjective(p: Affinities.dense(points: points, perplexity: 4, threads: 1), count: n, threads: 1)
        var gradient = [Double](repeating: 0, count: 2 * n)
        func kl(_ y: [Double]) -> Double {
            var g = [Double](repeating: 0, count: 2 * n)
            return y.withUnsafeBufferPointer { y in
                g.withUnsafeMutableBufferPointer { objective.evaluate(positions: y, gradient: $0, exaggeration: 1, computeError: true) }
            }
        }
        _ = positions.withUnsafeBufferPointer { y in
            gradient.withUnsafeMutableBufferPointer { objective.evaluate(positions: y, gradient: $0, exaggeration: 1, computeError: false) }
        }
        let h = 1e-6
        for e in 0..<(2 * n) {
            var plus = positions, minus = positions
            plus[e] += h
            minus[e] -= h
            let numeric = (kl(plus) - kl(minus)) / (2 * h)
            #expect(abs(numeric - gradient[e]) <= 1e-6 + 1e-4 * abs(gradient[e]), "coordinate \(e)")
        }
    }

    @Test("Barnes-Hut with θ = 0 and every neighbour equals the exact gradient")
    func barnesHutExactLimit() throws {
        let n = 40
        let (points, positions) = try Self.setup(count: n)
        let perplexity = 5.0
        var exact = ExactObjective(p: Affinities.dense(points: points, perplexity: perplexity, threads: 1), count: n, threads: 1)
        let neighbors = NearestNeighbors(points: points, k: n - 1, threads: 2)
        var barnesHut = BarnesHutObjective(
            p: Affinities.sparse(neighbors: neighbors, perplexity: perplexity, threads: 2), count: n, theta: 0, threads: 2)
        var g1 = [Double](repeating: 0, count: 2 * n), g2 = g1
        let (kl1, kl2) = positions.withUnsafeBufferPointer { y in
            (
                g1.withUnsafeMutableBufferPointer { exact.evaluate(positions: y, gradient: $0, exaggeration: 12, computeError: true) },
                g2.withUnsafeMutableBufferPointer { barnesHut.evaluate(positions: y, gradient: $0, exaggeration: 12, computeError: true) }
            )
        }
        for e in 0..<(2 * n) { #expect(abs(g1[e] - g2[e]) <= 1e-9 * max(1, abs(g1[e]))) }
        #expect(abs(kl1 - kl2) <= 1e-6 * abs(kl1))
    }

    @Test("joint P is symmetric and sums to 1 on both paths")
    func jointProbabilities() throws {
        let n = 30
        let (points, _) = try Self.setup(count: n)
        let dense = Affinities.dense(points: points, perplexity: 5, threads: 2)
        #expect(abs(dense.reduce(0, +) - 1) < 1e-9)
        for i in 0..<n { for j in 0..<n { #expect(dense[i * n + j] == dense[j * n + i]) } }
        let sparse = Affinities.sparse(neighbors: NearestNeighbors(points: points, k: 16, threads: 2), perplexity: 5, threads: 2)
        #expect(abs(sparse.values.reduce(0, +) - 1) < 1e-9)
        var entries = [Int: Double]()
        for i in 0..<n {
            for e in sparse.rowStart[i]..<sparse.rowStart[i + 1] { entries[i * n + Int(sparse.columns[e])] = sparse.values[e] }
        }
        for (key, value) in entries { #expect(entries[(key % n) * n + key / n] == value) }
    }

    @Test("binary search reaches the requested perplexity")
    func perplexitySearch() {
        let distances: [Double] = (1...60).map { Double($0) * 0.37 }
        var row = [Double](repeating: 0, count: distances.count)
        distances.withUnsafeBufferPointer { d in
            row.withUnsafeMutableBufferPointer {
                Affinities.conditionalRow(squaredDistances: d, desiredEntropy: log(10), out: $0)
            }
        }
        let entropy = -row.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +)
        #expect(abs(exp(entropy) - 10) < 1e-3)
        #expect(abs(row.reduce(0, +) - 1) < 1e-12)
    }

    @Test("PCA initialisation scales PC1 to standard deviation 1e-4 (Jacobi and subspace paths)")
    func pcaScale() throws {
        for dimension in [3, 50] {
            var rng = SplitMix64(seed: UInt64(dimension))
            let rows = (0..<80).map { i in (0..<dimension).map { d in Float(rng.nextGaussian() * (d == 1 ? 5 : 1) + Double(i % 3)) } }
            let y = try #require(PCAInitialization.coordinates(points: try PointMatrix(rows: rows), threads: 2))
            let pc1 = stride(from: 0, to: y.count, by: 2).map { y[$0] }
            let mean = pc1.reduce(0, +) / Double(pc1.count)
            let std = (pc1.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(pc1.count)).squareRoot()
            #expect(abs(std - 1e-4) < 1e-12)
        }
    }
}
