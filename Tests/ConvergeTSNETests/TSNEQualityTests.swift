import ConvergeTSNE
import Testing

/// The quality target of docs/METRICS.md ("t-SNE") on each fixture: KL within 10% of scikit-learn's and
/// trustworthiness (k = 10) within 0.02 of scikit-learn's, with the same settings and method.
@Suite("t-SNE quality against scikit-learn", .timeLimit(.minutes(5)))
struct TSNEQualityTests {
    static let cases: [(String, TSNEConfiguration.Method)] = [
        ("clusters", .exact), ("clusters", .barnesHut),
        ("collapse", .exact), ("collapse", .barnesHut),
        ("collapse-large", .barnesHut),
    ]

    @Test("KL and trustworthiness match scikit-learn", arguments: cases)
    func matchesScikitLearn(name: String, method: TSNEConfiguration.Method) throws {
        let fixture = try Fixture.load(name)
        let reference = method == .exact ? fixture.exact : fixture.barnesHut
        let result = try tsne(fixture.points, configuration: TSNEConfiguration(method: method))
        #expect(result.method == method)
        #expect(result.effectivePerplexity == 30)
        let trust = try trustworthiness(high: fixture.points, low: result.coordinates, k: 10)
        print(
            "\(name) \(method): KL \(result.klDivergence) (sklearn \(reference.kl_divergence)), "
                + "T \(trust) (sklearn \(reference.trustworthiness))")
        #expect(abs(result.klDivergence - reference.kl_divergence) <= 0.10 * reference.kl_divergence)
        #expect(abs(trust - reference.trustworthiness) <= 0.02)
    }
}
