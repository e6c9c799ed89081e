import ConvergeAnalysis
import ConvergeDetection
import ConvergeExperiment
import ConvergeStatistics
import Foundation
import Testing

@Suite struct ComparisonTests {
    /// Verdicts from onsets: nil is "not converged".
    private func verdicts(_ onsets: [Int?]) throws -> [ConvergenceVerdict] {
        onsets.map(ConvergenceVerdict.init(onset:))
    }

    private func sample(control: String? = nil) throws -> Comparison {
        let a = try verdicts([3, 4, 4, 5, nil, 6, 3, nil, 4, 5])
        let b = try verdicts([nil, nil, 9, nil, 12, nil, nil, 10, nil, nil])
        let c = try verdicts([2, 2, 3, 2, 3, 4, 2, 3, 2, 2])
        return Comparison(experiment: "x", verdicts: [("a", a, a), ("b", b, b), ("c", c, c)], control: control)
    }

    @Test func ratesAndPairs() throws {
        let comparison = try sample()
        #expect(comparison.conditions.count == 6)
        let a = try #require(comparison.conditions.first { $0.condition == "a" && $0.detector == "loop" })
        #expect(a.converged == 8 && a.total == 10)
        let wilson = try #require(WilsonInterval(successes: 8, total: 10))
        #expect(a.ciLow == wilson.lower && a.ciHigh == wilson.upper)
        #expect(a.onsets == [3, 4, 4, 5, 6, 3, 4, 5])
        let pairs = comparison.pairs.filter { $0.detector == "study" }
        #expect(pairs.map { "\($0.first)-\($0.second)" } == ["a-b", "a-c", "b-c"])
        // Holm over the three rate tests of one detector.
        let adjusted = Holm.adjust(pairs.map(\.fisher.pValue))
        #expect(pairs.map(\.fisherAdjusted) == adjusted.map { $0! })
        let ab = pairs[0]
        #expect(ab.fisher.pValue == FisherExact(successes1: 8, total1: 10, successes2: 3, total2: 10).pValue)
        #expect(ab.mannWhitney == MannWhitney([3, 4, 4, 5, 6, 3, 4, 5], [9, 12, 10]))
    }

    @Test func controlComparesOnlyAgainstIt() throws {
        let comparison = try sample(control: "b")
        #expect(comparison.pairs.filter { $0.detector == "loop" }.map { "\($0.first)-\($0.second)" } == ["b-a", "b-c"])
    }

    @Test func filesAndTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let comparison = try sample()
        let files = try comparison.write(to: directory)
        #expect(files.map(\.lastPathComponent) == ["comparison.json", "comparison.csv", "conditions.csv", "comparison.html"])
        let decoded = try JSONDecoder().decode(Comparison.self, from: Data(contentsOf: files[0]))
        #expect(decoded == comparison)
        let csv = try String(contentsOf: files[1], encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 1 + 6)
        #expect(csv[0].hasPrefix("detector,first,second,rate_difference,fisher_p,fisher_p_holm,odds_ratio,log_rank_chi2"))
        #expect(comparison.table.contains("a vs b"))
        let html = try String(contentsOf: files[3], encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("a vs b") && html.contains("Pairwise tests"))
        #expect(html.contains("Time to loop, loop detector") && html.contains("log-rank p"))
        // Verdicts alone carry no seed identities, so nothing is paired, and the page says so.
        #expect(html.contains("unpaired: seed indices and replicates are unknown"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    }
}
