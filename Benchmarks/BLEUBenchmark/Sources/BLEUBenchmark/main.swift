import ConvergeMetrics
import Foundation

// BLEUBenchmark FIXTURE: sentence BLEU pairs per second over the fixture's pairs, tokenizing both
// texts of every pair each time, as scripts/bench_text_metrics.py times sacrebleu: for about two
// seconds of this process's CPU time, reported per wall second and per CPU second.
struct Fixture: Decodable {
    struct Case: Decodable {
        var hypothesis: String
        var reference: String
    }
    var cases: [Case]
}

func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let path = CommandLine.arguments.dropFirst().first ?? "Tests/ConvergeMetricsTests/Fixtures/text_pairs.json"
let cases = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: path))).cases
var done = 0
var sum = 0.0
let start = Date()
let cpuStart = cpuSeconds()
while cpuSeconds() - cpuStart < 2 {
    for pair in cases { sum += BLEU.score(hypothesis: pair.hypothesis, reference: pair.reference) }
    done += cases.count
}
let elapsed = Date().timeIntervalSince(start)
let cpu = cpuSeconds() - cpuStart
// Printing the sum keeps the optimiser from dropping the work.
print(
    "converge BLEU: \(Int(Double(done) / elapsed)) pairs/s (\(done) pairs in \(String(format: "%.2f", elapsed)) s; "
        + "\(Int(Double(done) / cpu)) pairs per CPU second; sum \(sum))")
