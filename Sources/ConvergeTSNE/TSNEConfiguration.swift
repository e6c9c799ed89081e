/// Settings for one t-SNE run.
///
/// The defaults are the `paper` preset (see docs/METRICS.md, "t-SNE"), which follows scikit-learn's
/// `TSNE` defaults: 2-D, perplexity 30, PCA initialisation, early exaggeration 12 for 250
/// iterations, learning rate `"auto"`, 1000 iterations, Barnes-Hut with θ = 0.5 for large inputs.
/// The whole value is `Codable` so that it can be written into a run's provenance.
public struct TSNEConfiguration: Sendable, Codable, Equatable {
    /// How the gradient is computed.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Exact for `count <= exactThreshold`, Barnes-Hut above it.
        case automatic
        /// Dense P over all pairs and the exact O(N²) gradient (scikit-learn `method="exact"`).
        case exact
        /// Sparse P over `3·perplexity` nearest neighbours and a quadtree for the repulsive forces
        /// (scikit-learn `method="barnes_hut"`).
        case barnesHut
    }

    /// How the 2-D coordinates start.
    public enum Initialization: String, Sendable, Codable, CaseIterable {
        /// The first two principal components, scaled so that PC1 has standard deviation 1e-4.
        case pca
        /// Independent normal samples with standard deviation 1e-4, drawn from `seed`.
        case random
    }

    /// The requested perplexity. Inputs with `(N − 1) / 3 < perplexity` use a smaller one:
    /// see ``effectivePerplexity(forCount:)``.
    public var perplexity: Double
    /// Total number of gradient-descent iterations, early exaggeration included.
    public var iterations: Int
    /// The factor on P during the first ``earlyExaggerationIterations`` iterations.
    public var earlyExaggeration: Double
    /// Number of iterations with early exaggeration and momentum 0.5.
    public var earlyExaggerationIterations: Int
    /// Step size; `nil` is scikit-learn's `"auto"`: `max(N / earlyExaggeration / 4, 50)`.
    public var learningRate: Double?
    /// Barnes-Hut opening angle θ: a cell is summarised when `width² / distance² < θ²`.
    public var theta: Double
    /// Largest N that ``Method/automatic`` runs exactly.
    public var exactThreshold: Int
    /// Which gradient to use.
    public var method: Method
    /// How the coordinates start.
    public var initialization: Initialization
    /// Seed for everything random (only ``Initialization/random`` and degenerate inputs draw).
    public var seed: UInt64
    /// Worker threads; `nil` uses every core. The output does not depend on it.
    public var threads: Int?

    /// The default number of points up to which ``Method/automatic`` is exact.
    public static let defaultExactThreshold = 1000

    /// Creates a configuration; every argument defaults to the `paper` preset.
    public init(
        perplexity: Double = 30,
        iterations: Int = 1000,
        earlyExaggeration: Double = 12,
        earlyExaggerationIterations: Int = 250,
        learningRate: Double? = nil,
        theta: Double = 0.5,
        exactThreshold: Int = TSNEConfiguration.defaultExactThreshold,
        method: Method = .automatic,
        initialization: Initialization = .pca,
        seed: UInt64 = 0,
        threads: Int? = nil
    ) {
        self.perplexity = perplexity
        self.iterations = iterations
        self.earlyExaggeration = earlyExaggeration
        self.earlyExaggerationIterations = earlyExaggerationIterations
        self.learningRate = learningRate
        self.theta = theta
        self.exactThreshold = exactThreshold
        self.method = method
        self.initialization = initialization
        self.seed = seed
        self.threads = threads
    }

    /// The `paper` preset.
    public static let paper = TSNEConfiguration()

    /// The perplexity actually used for `count` points.
    ///
    /// The rule is openTSNE's: `min(perplexity, (N − 1) / 3)`, so that the `3·perplexity` nearest
    /// neighbours exist, but never below 1 (one neighbour always has perplexity 1). For N ≥ 91
    /// the default 30 is unchanged.
    /// - Parameter count: the number of points.
    /// - Returns: the perplexity that the binary search for the bandwidths targets.
    public func effectivePerplexity(forCount count: Int) -> Double {
        min(perplexity, max(1, Double(count - 1) / 3))
    }

    /// The method actually used for `count` points.
    /// - Parameter count: the number of points.
    /// - Returns: ``Method/exact`` or ``Method/barnesHut``, never ``Method/automatic``.
    public func resolvedMethod(forCount count: Int) -> Method {
        switch method {
        case .automatic: count <= exactThreshold ? .exact : .barnesHut
        case .exact, .barnesHut: method
        }
    }

    /// The learning rate actually used for `count` points.
    /// - Parameter count: the number of points.
    /// - Returns: ``learningRate``, or scikit-learn's `"auto"` value when it is `nil`.
    public func resolvedLearningRate(forCount count: Int) -> Double {
        learningRate ?? max(Double(count) / earlyExaggeration / 4, 50)
    }

    func validate() throws(TSNEError) {
        func invalid(_ what: String) -> TSNEError { TSNEError(.invalidConfiguration, what) }
        guard perplexity.isFinite, perplexity > 0 else { throw invalid("perplexity must be positive, got \(perplexity)") }
        guard iterations >= 1 else { throw invalid("iterations must be at least 1, got \(iterations)") }
        guard earlyExaggeration.isFinite, earlyExaggeration > 0 else {
            throw invalid("earlyExaggeration must be positive, got \(earlyExaggeration)")
        }
        guard earlyExaggerationIterations >= 0 else {
            throw invalid("earlyExaggerationIterations must not be negative, got \(earlyExaggerationIterations)")
        }
        if let learningRate, !(learningRate.isFinite && learningRate > 0) {
            throw invalid("learningRate must be positive, got \(learningRate)")
        }
        guard theta.isFinite, theta >= 0 else { throw invalid("theta must be zero or positive, got \(theta)") }
        guard exactThreshold >= 0 else { throw invalid("exactThreshold must not be negative, got \(exactThreshold)") }
        if let threads, threads < 1 { throw invalid("threads must be at least 1, got \(threads)") }
    }
}

extension TSNEConfiguration {
    private enum CodingKeys: String, CodingKey {
        case perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, learningRate, theta
        case exactThreshold, method, initialization, seed, threads
    }

    /// Decodes a configuration; a missing key keeps its default, so old provenance files still load.
    /// - Parameter decoder: the decoder to read from.
    /// - Throws: `DecodingError` when a present key has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TSNEConfiguration()
        self.init(
            perplexity: try c.decodeIfPresent(Double.self, forKey: .perplexity) ?? d.perplexity,
            iterations: try c.decodeIfPresent(Int.self, forKey: .iterations) ?? d.iterations,
            earlyExaggeration: try c.decodeIfPresent(Double.self, forKey: .earlyExaggeration) ?? d.earlyExaggeration,
            earlyExaggerationIterations: try c.decodeIfPresent(Int.self, forKey: .earlyExaggerationIterations)
                ?? d.earlyExaggerationIterations,
            learningRate: try c.decodeIfPresent(Double.self, forKey: .learningRate),
            theta: try c.decodeIfPresent(Double.self, forKey: .theta) ?? d.theta,
            exactThreshold: try c.decodeIfPresent(Int.self, forKey: .exactThreshold) ?? d.exactThreshold,
            method: try c.decodeIfPresent(Method.self, forKey: .method) ?? d.method,
            initialization: try c.decodeIfPresent(Initialization.self, forKey: .initialization) ?? d.initialization,
            seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed,
            threads: try c.decodeIfPresent(Int.self, forKey: .threads)
        )
    }
}
