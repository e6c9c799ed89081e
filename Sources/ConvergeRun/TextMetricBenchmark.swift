import ConvergeMetrics
public import Foundation

/// Pairs per second of BLEU and Jaccard distance over a fixture of text pairs, timed the way
/// `scripts/bench_text_metrics.py` times sacrebleu, so the two figures sit side by side.
public enum TextMetricBenchmark {
    /// - Parameter file: JSON `{"cases": [{"hypothesis": …, "reference": …}, …]}`.
    /// - Returns: BLEU and Jaccard pairs per second, each timed for about `seconds`.
    /// - Throws: when the file cannot be read or holds no pairs.
    public static func pairsPerSecond(file: URL, seconds: Double = 2) throws -> (pairs: Int, bleu: Double, jaccard: Double) {
        struct Fixture: Decodable {
            struct Case: Decodable {
                var hypothesis: String
                var reference: String
            }
            var cases: [Case]
        }
        let cases = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: file)).cases
        let bleu = rate(seconds: seconds, count: cases.count) {
            cases.reduce(0) { $0 + BLEU.score(hypothesis: $1.hypothesis, reference: $1.reference) }
        }
        let jaccard = rate(seconds: seconds, count: cases.count) {
            cases.reduce(0) { $0 + JaccardDistance.distance($1.hypothesis, $1.reference) }
        }
        return (cases.count, bleu, jaccard)
    }

    private static func rate(seconds: Double, count: Int, round: () -> Double) -> Double {
        var done = 0
        var sink = 0.0
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            sink += round()
            done += count
        }
        // Using the sum keeps the optimiser from dropping the work.
        return sink.isNaN ? 0 : Double(done) / Date().timeIntervalSince(start)
    }
}
