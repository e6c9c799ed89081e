/// Embeds `points` in 2-D with t-SNE (van der Maaten and Hinton 2008), following scikit-learn's
/// `TSNE` step for step; see docs/METRICS.md, "t-SNE", and ``TSNEConfiguration`` for the settings.
///
/// - Input distances are Euclidean; P is built from squared distances with a per-point bandwidth
///   found by binary search to the effective perplexity.
/// - Exact path (N ≤ ``TSNEConfiguration/exactThreshold`` by default): dense P and the O(N²) gradient.
/// - Barnes-Hut path: P over the `min(N − 1, ⌊3·perplexity + 1⌋)` nearest neighbours (brute force),
///   repulsion from a quadtree with opening angle θ.
/// - Optimisation: early exaggeration with momentum 0.5, then momentum 0.8, with gains.
///
/// The output depends only on the input and the configuration (thread count excluded): PCA
/// initialisation is deterministic and every random draw comes from ``TSNEConfiguration/seed``.
///
/// - Parameters:
///   - points: one embedding vector per row; all rows the same length.
///   - configuration: the settings; ``TSNEConfiguration/paper`` by default.
/// - Returns: the 2-D coordinates, the final KL divergence and what ran.
/// - Throws: ``TSNEError`` with code ``TSNEError/Code/tooFewPoints``, ``TSNEError/Code/raggedInput``,
///   ``TSNEError/Code/nonFiniteValue``, ``TSNEError/Code/invalidConfiguration`` or
///   ``TSNEError/Code/cancelled``.
public func tsne<T: BinaryFloatingPoint>(
    _ points: [[T]],
    configuration: TSNEConfiguration = .paper
) throws(TSNEError) -> TSNEResult {
    try configuration.validate()
    let matrix = try PointMatrix(rows: points)
    let n = matrix.count
    let threads = resolvedThreadCount(configuration.threads)
    let perplexity = configuration.effectivePerplexity(forCount: n)
    let method = configuration.resolvedMethod(forCount: n)
    let learningRate = configuration.resolvedLearningRate(forCount: n)

    var positions = initialPositions(matrix, configuration: configuration, threads: threads)
    let klDivergence: Double
    let iterations: Int
    switch method {
    case .exact, .automatic:
        var objective = ExactObjective(
            p: Affinities.dense(points: matrix, perplexity: perplexity, threads: threads), count: n, threads: threads)
        iterations = try optimize(&objective, positions: &positions, configuration: configuration, learningRate: learningRate)
        klDivergence = positions.withUnsafeBufferPointer { y in
            objective.klDivergence(
                positions: y, z: ExactObjective.normalization(positions: y, count: n, threads: threads), exaggeration: 1)
        }
    case .barnesHut:
        let k = min(n - 1, Int(3 * perplexity + 1))
        let neighbors = NearestNeighbors(points: matrix, k: k, threads: threads)
        var objective = BarnesHutObjective(
            p: Affinities.sparse(neighbors: neighbors, perplexity: perplexity, threads: threads),
            count: n, theta: configuration.theta, threads: threads)
        iterations = try optimize(&objective, positions: &positions, configuration: configuration, learningRate: learningRate)
        klDivergence = positions.withUnsafeBufferPointer { y in
            objective.finalKLDivergence(positions: y, exactNormalization: n <= TSNEResult.exactKLLimit)
        }
    }
    return TSNEResult(
        coordinates: (0..<n).map { [positions[2 * $0], positions[2 * $0 + 1]] },
        klDivergence: klDivergence,
        klDivergenceIsExact: method == .exact || n <= TSNEResult.exactKLLimit,
        effectivePerplexity: perplexity,
        method: method,
        learningRate: learningRate,
        iterations: iterations)
}

/// PCA or random start, N×2 row-major. PCA falls back to the seeded random start when PC1 has no
/// variance (all points identical), where scikit-learn would divide by zero.
private func initialPositions(_ matrix: PointMatrix, configuration: TSNEConfiguration, threads: Int) -> [Double] {
    if configuration.initialization == .pca,
        let pca = PCAInitialization.coordinates(points: matrix, threads: threads)
    {
        return pca
    }
    var rng = SplitMix64(seed: configuration.seed)
    return (0..<(2 * matrix.count)).map { _ in 1e-4 * rng.nextGaussian() }
}

/// The two phases of scikit-learn's schedule. Returns the number of iterations run.
private func optimize<Objective: TSNEObjective>(
    _ objective: inout Objective,
    positions: inout [Double],
    configuration: TSNEConfiguration,
    learningRate: Double
) throws(TSNEError) -> Int {
    var descent = GradientDescent(count: positions.count / 2)
    let exploration = min(configuration.earlyExaggerationIterations, configuration.iterations)
    let first = try descent.run(
        &objective, positions: &positions, range: 0..<exploration, momentum: 0.5, learningRate: learningRate,
        exaggeration: configuration.earlyExaggeration, iterationsWithoutProgress: 250)
    let second = try descent.run(
        &objective, positions: &positions, range: (first.last + 1)..<max(first.last + 1, configuration.iterations),
        momentum: 0.8, learningRate: learningRate, exaggeration: 1, iterationsWithoutProgress: 300)
    return max(first.last, second.last) + 1
}
