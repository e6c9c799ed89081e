import ConvergeAnalysis
import ConvergeCore
import ConvergeMetrics
import ConvergeStatistics
import Foundation
import Testing

/// `converge agreement`'s library side against scikit-learn 1.9 `cohen_kappa_score`, on label files
/// written by scripts/fixtures/make_agreement_fixtures.py (the AI readers' labels of
/// data/calibration, and synthetic files with superseded lines and unmatched conversations).
@Suite struct LabelAgreementTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var first: String
        var second: String
        var matched: Int
        var onlyFirst: Int
        var onlySecond: Int
        var table: [Int]
        var kappa: Double
        var agreement: Double
        var pabak: Double
        var testDescription: String { "\(first) vs \(second)" }
    }

    struct File: Decodable {
        var cases: [Case]
    }

    static func fixture(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/agreement").appendingPathComponent(name)
    }

    static let cases: [Case] = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(File.self, from: Data(contentsOf: fixture("agreement.json"))).cases
    }()

    @Test(arguments: cases) func matchesScikitLearn(_ reference: Case) throws {
        let result = try LabelAgreement.read(Self.fixture(reference.first), Self.fixture(reference.second), resamples: 500)
        #expect(result.matched == reference.matched)
        #expect(result.onlyFirst == reference.onlyFirst && result.onlySecond == reference.onlySecond)
        #expect(result.table == reference.table)
        let kappa = try #require(result.agreement.kappa)
        #expect(abs(kappa - reference.kappa) <= 1e-12 * abs(reference.kappa))
        #expect(abs(result.agreement.agreement - reference.agreement) <= 1e-15)
        #expect(abs(result.agreement.pabak - reference.pabak) <= 1e-12)
        let low = try #require(result.agreement.ciLow), high = try #require(result.agreement.ciHigh)
        #expect(low <= kappa && kappa <= high)
        #expect(result.text.contains("Cohen's kappa"))
    }

    @Test func disjointFilesAreAnError() throws {
        let a = ConversationLabel(run: "x", conversation: 1, converged: true, onset: 3, labeller: "p")
        let b = ConversationLabel(run: "y", conversation: 1, converged: true, onset: 3, labeller: "q")
        #expect(throws: ConvergeError.self) { try LabelAgreement(first: [a], second: [b]) }
    }
}
