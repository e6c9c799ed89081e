import Foundation
import Testing

/// `converge agreement` end to end on the fixtures of Tests/ConvergeAnalysisTests/Fixtures/agreement,
/// whose expected κ comes from scikit-learn 1.9 `cohen_kappa_score`.
@Suite struct AgreementCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ConvergeAnalysisTests/Fixtures/agreement").standardized

    @Test func printsKappaWithItsInterval() async throws {
        let a = Self.fixtures.appendingPathComponent("paper-seed1-reader1.jsonl").path
        let b = Self.fixtures.appendingPathComponent("paper-seed1-reader2.jsonl").path
        let json = try await ConvergeProcess(["agreement", a, b, "--json"]).finish()
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let agreement = try #require(object["agreement"] as? [String: Any])
        let kappa = try #require(agreement["kappa"] as? Double)
        #expect(abs(kappa - 0.9196141479099679) < 1e-12)
        #expect(object["matched"] as? Int == 50)
        #expect(agreement["ci95_low"] is Double && agreement["ci95_high"] is Double)
        let text = try await ConvergeProcess(["agreement", a, b]).finish()
        #expect(text.status == 0 && text.stdout.contains("Cohen's kappa  0.920") && text.stdout.contains("PABAK          0.920"))
    }

    @Test func missingFileIsOneLine() async throws {
        let result = try await ConvergeProcess(["agreement", "/nonexistent/a.jsonl", "/nonexistent/b.jsonl"]).finish()
        #expect(result.status != 0)
        #expect(result.stderrLines.count == 1 && result.stderr.contains("no label file at /nonexistent/a.jsonl"))
    }
}
