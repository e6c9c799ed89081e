import ConvergeTSNE
import Foundation
import Testing

@Suite("t-SNE behaviour", .timeLimit(.minutes(2)))
struct TSNEBehaviourTests {
    /// The first 120 points of the clusters fixture and a short schedule, to keep debug builds quick.
    static func smallInput() throws -> [[Float]] {
        Array(try Fixture.load("clusters").points.prefix(120))
    }

    static let short = TSNEConfiguration(iterations: 300)

    @Test("same seed and input give bit-identical output", arguments: TSNEConfiguration.Method.allCases)
    func deterministic(method: TSNEConfiguration.Method) throws {
        let points = try Self.smallInput()
        var configuration = Self.short
        configuration.method = method
        let first = try tsne(points, configuration: configuration)
        let second = try tsne(points, configuration: configuration)
        #expect(first == second)
    }

    @Test("the thread count does not change the output", arguments: [TSNEConfiguration.Method.exact, .barnesHut])
    func threadIndependent(method: TSNEConfiguration.Method) throws {
        let points = try Self.smallInput()
        var one = Self.short
        one.method = method
        one.threads = 1
        var two = one
        two.threads = 2
        #expect(try tsne(points, configuration: one).coordinates == tsne(points, configuration: two).coordinates)
    }

    @Test("random initialisation follows the seed")
    func randomInitialisationSeeded() throws {
        let points = try Self.smallInput()
        var a = Self.short
        a.initialization = .random
        a.seed = 7
        var b = a
        b.seed = 8
        let ra = try tsne(points, configuration: a)
        #expect(ra == (try tsne(points, configuration: a)))
        #expect(ra.coordinates != (try tsne(points, configuration: b)).coordinates)
    }

    @Test("tiny inputs reduce the perplexity and still embed", arguments: [2, 3, 5, 10], TSNEConfiguration.Method.allCases)
    func tinyInputs(count: Int, method: TSNEConfiguration.Method) throws {
        let points = (0..<count).map { i in (0..<6).map { d in Float(sin(Double(i * 7 + d))) } }
        var configuration = TSNEConfiguration(method: method)
        configuration.iterations = 300
        let result = try tsne(points, configuration: configuration)
        #expect(result.coordinates.count == count)
        #expect(result.coordinates.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isFinite) })
        #expect(result.effectivePerplexity == max(1, Double(count - 1) / 3))
        #expect(result.klDivergence.isFinite && result.klDivergence >= -1e-12)
    }

    @Test("identical points do not produce NaN")
    func identicalPoints() throws {
        let result = try tsne([[Float]](repeating: [1, 2, 3], count: 12), configuration: Self.short)
        #expect(result.coordinates.allSatisfy { $0.allSatisfy(\.isFinite) })
    }

    @Test("perplexity rule", arguments: [(2, 1.0), (4, 1.0), (10, 3.0), (61, 20.0), (91, 30.0), (1000, 30.0)])
    func perplexityRule(count: Int, expected: Double) {
        #expect(TSNEConfiguration.paper.effectivePerplexity(forCount: count) == expected)
    }

    @Test("automatic method switches at the threshold")
    func automaticMethod() {
        let configuration = TSNEConfiguration.paper
        #expect(configuration.resolvedMethod(forCount: TSNEConfiguration.defaultExactThreshold) == .exact)
        #expect(configuration.resolvedMethod(forCount: TSNEConfiguration.defaultExactThreshold + 1) == .barnesHut)
        #expect(configuration.resolvedLearningRate(forCount: 100) == 50)
        #expect(configuration.resolvedLearningRate(forCount: 4800) == 100)
    }

    @Test("configuration round-trips through JSON and missing keys keep defaults")
    func configurationCodable() throws {
        var configuration = TSNEConfiguration(perplexity: 12, method: .barnesHut, seed: 99)
        configuration.learningRate = 200
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(TSNEConfiguration.self, from: data) == configuration)
        #expect(try JSONDecoder().decode(TSNEConfiguration.self, from: Data("{}".utf8)) == .paper)
    }

    static let badInputs: [([[Float]], TSNEError.Code)] = [
        ([], .tooFewPoints),
        ([[1, 2]], .tooFewPoints),
        ([[1, 2], [1]], .raggedInput),
        ([[], []], .raggedInput),
        ([[1, 2], [.nan, 0]], .nonFiniteValue),
        ([[1, 2], [.infinity, 0]], .nonFiniteValue),
    ]

    @Test("bad input throws a coded error", arguments: badInputs)
    func badInput(points: [[Float]], code: TSNEError.Code) {
        #expect { try tsne(points) } throws: { ($0 as? TSNEError)?.code == code }
    }

    static let badConfigurations: [TSNEConfiguration] = [
        TSNEConfiguration(perplexity: 0),
        TSNEConfiguration(perplexity: .nan),
        TSNEConfiguration(iterations: 0),
        TSNEConfiguration(earlyExaggeration: -1),
        TSNEConfiguration(learningRate: 0),
        TSNEConfiguration(theta: -0.1),
        TSNEConfiguration(threads: 0),
    ]

    @Test("bad configuration throws invalidConfiguration", arguments: badConfigurations)
    func badConfiguration(configuration: TSNEConfiguration) {
        #expect { try tsne([[1, 2], [3, 4], [5, 6]], configuration: configuration) } throws: { error in
            let error = error as? TSNEError
            return error?.code == .invalidConfiguration && error?.message.contains("must") == true
        }
    }
}
