/// The output of ``tsne(_:configuration:)``.
public struct TSNEResult: Sendable, Equatable, Codable {
    /// One `[x, y]` pair per input point, in input order.
    public var coordinates: [[Double]]
    /// The final Kullback-Leibler divergence KL(P‖Q).
    ///
    /// Exact path: computed over all pairs at the final coordinates, as scikit-learn's
    /// `kl_divergence_` for `method="exact"` (which scikit-learn takes one update earlier).
    /// Barnes-Hut path: computed over the sparse P with the exact normalisation Z = Σ_{i≠j} (1 + d²)⁻¹
    /// when N ≤ ``exactKLLimit``, and with the quadtree's estimate of Z above it.
    /// scikit-learn's `kl_divergence_` for `method="barnes_hut"` always uses the estimate; with θ = 0.5
    /// the two agree to about 1%.
    public var klDivergence: Double
    /// Whether ``klDivergence`` used the exact normalisation (always true on the exact path).
    public var klDivergenceIsExact: Bool
    /// The perplexity the bandwidth search targeted (see ``TSNEConfiguration/effectivePerplexity(forCount:)``).
    public var effectivePerplexity: Double
    /// The method that ran: ``TSNEConfiguration/Method/exact`` or ``TSNEConfiguration/Method/barnesHut``.
    public var method: TSNEConfiguration.Method
    /// The learning rate that was used.
    public var learningRate: Double
    /// Iterations run; fewer than configured when the optimiser stopped early like scikit-learn's
    /// (gradient norm ≤ 1e-7, or no progress in 300 iterations, checked every 50).
    public var iterations: Int

    /// Largest N for which the Barnes-Hut path computes the exact KL at the end (O(N²) once).
    public static let exactKLLimit = 50_000
}
