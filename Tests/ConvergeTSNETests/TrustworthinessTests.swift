import ConvergeTSNE
import Testing

@Suite("trustworthiness", .timeLimit(.minutes(1)))
struct TrustworthinessTests {
    @Test("matches scikit-learn's value on scikit-learn's embedding", arguments: ["clusters", "collapse"])
    func matchesScikitLearn(name: String) throws {
        let fixture = try Fixture.load(name)
        for reference in [fixture.exact, fixture.barnesHut] {
            let value = try trustworthiness(high: fixture.points, low: reference.embedding, k: 10)
            #expect(abs(value - reference.trustworthiness) < 1e-9)
        }
    }

    @Test("an embedding that keeps every neighbourhood scores 1")
    func perfect() throws {
        let line = (0..<40).map { [Double($0) * 1.5, 0] }
        #expect(try trustworthiness(high: line, low: line.map { [$0[0] * 3] }, k: 5) == 1)
    }

    @Test("a scrambled embedding scores lower than the identity")
    func scrambled() throws {
        let line = (0..<40).map { [Double($0), 0] }
        let scrambled = (0..<40).map { [Double(($0 * 17) % 40), 0] }
        #expect(try trustworthiness(high: line, low: scrambled, k: 5) < 0.9)
    }

    @Test("bad k or mismatched sizes throw", arguments: [0, 5, 6])
    func badK(k: Int) {
        let points = (0..<10).map { [Double($0), 1] }
        #expect { try trustworthiness(high: points, low: points, k: k) } throws: {
            ($0 as? TSNEError)?.code == .invalidNeighbourCount
        }
        #expect { try trustworthiness(high: points, low: Array(points.prefix(9)), k: 2) } throws: {
            ($0 as? TSNEError)?.code == .invalidNeighbourCount
        }
    }
}
