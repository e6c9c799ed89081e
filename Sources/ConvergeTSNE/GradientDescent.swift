/// scikit-learn's `_gradient_descent`: momentum, per-coordinate gains (+0.2 when the gradient
/// changes sign against the last update, ×0.8 otherwise, floor 0.01), and every 50 iterations a
/// check that stops on a gradient norm ≤ 1e-7 or on no progress in the error for too long.
struct GradientDescent {
    static let checkInterval = 50
    static let minimumGain = 0.01
    static let minimumGradientNorm = 1e-7

    private var update: [Double]
    private var gains: [Double]
    private var gradient: [Double]

    init(count: Int) {
        update = [Double](repeating: 0, count: 2 * count)
        gains = [Double](repeating: 1, count: 2 * count)
        gradient = [Double](repeating: 0, count: 2 * count)
    }

    /// Runs iterations `range` (update and gains start afresh, as each scikit-learn phase does).
    /// - Returns: the last iteration run (`range.lowerBound − 1` when empty) and the last error computed.
    mutating func run<Objective: TSNEObjective>(
        _ objective: inout Objective,
        positions: inout [Double],
        range: Range<Int>,
        momentum: Double,
        learningRate: Double,
        exaggeration: Double,
        iterationsWithoutProgress: Int
    ) throws(TSNEError) -> (last: Int, error: Double) {
        for e in update.indices { update[e] = 0; gains[e] = 1 }
        var error = Double.greatestFiniteMagnitude
        var bestError = Double.greatestFiniteMagnitude
        var bestIteration = range.lowerBound
        var last = range.lowerBound - 1
        for i in range {
            last = i
            let check = (i + 1) % Self.checkInterval == 0
            let computeError = check || i == range.upperBound - 1
            let value = positions.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    objective.evaluate(positions: y, gradient: g, exaggeration: exaggeration, computeError: computeError)
                }
            }
            if computeError { error = value }
            var normSquared = 0.0
            positions.withUnsafeMutableBufferPointer { y in
                gradient.withUnsafeBufferPointer { g in
                    update.withUnsafeMutableBufferPointer { u in
                        gains.withUnsafeMutableBufferPointer { gain in
                            for e in 0..<y.count {
                                let ge = g[e]
                                gain[e] = u[e] * ge < 0 ? gain[e] + 0.2 : max(gain[e] * 0.8, Self.minimumGain)
                                let scaled = ge * gain[e]
                                normSquared += scaled * scaled
                                u[e] = momentum * u[e] - learningRate * scaled
                                y[e] += u[e]
                            }
                        }
                    }
                }
            }
            if check {
                if Task.isCancelled { throw TSNEError(.cancelled, "t-SNE cancelled at iteration \(i + 1)") }
                if error < bestError {
                    bestError = error
                    bestIteration = i
                } else if i - bestIteration > iterationsWithoutProgress {
                    break
                }
                if normSquared.squareRoot() <= Self.minimumGradientNorm { break }
            }
        }
        return (last, error)
    }
}
