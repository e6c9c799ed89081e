import ConvergeDetection
import ConvergeMetrics
import ConvergeStatistics
import Foundation
import Testing

/// The shipped loop-detector defaults against the labelled conversations they were calibrated on
/// (data/calibration, labelled by two AI readers with the lasts-to-the-end criterion). Its signals need no embeddings, so this runs on the real transcripts.
@Suite struct ShippedDefaultsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/calibration")

    /// (seed, outputs in turn order) per conversation, and the consensus labels.
    static func load(_ run: String) throws -> (conversations: [Int: (seed: String, outputs: [String])], labels: [Int: Bool]) {
        let directory = root.appendingPathComponent(run)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("run.json"))) as! [String: Any]
        let seeds = (manifest["configuration"] as! [String: Any])["seeds"] as! [String]
        var turns: [Int: [(Int, String)]] = [:]
        var seedOf: [Int: String] = [:]
        for line in try String(contentsOf: directory.appendingPathComponent("transcript.jsonl"), encoding: .utf8).split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let conversation = row["conversation"] as! Int
            turns[conversation, default: []].append((row["turn"] as! Int, row["text"] as! String))
            seedOf[conversation] = seeds[row["seed_index"] as! Int]
        }
        var labels: [Int: Bool] = [:]
        for line in try String(contentsOf: directory.appendingPathComponent("labels.jsonl"), encoding: .utf8).split(separator: "\n") {
            let label = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            labels[label["conversation"] as! Int] = label["converged"] as? Bool
        }
        let conversations = turns.mapValues { rows in rows.sorted { $0.0 < $1.0 }.map(\.1) }
        return (conversations.reduce(into: [:]) { $0[$1.key] = (seedOf[$1.key]!, $1.value) }, labels)
    }

    @Test(arguments: ["paper-seed1", "paper-seed2"])
    func loopDetectorAgreesWithTheReaders(run: String) throws {
        let (conversations, labels) = try Self.load(run)
        #expect(conversations.count == 50 && labels.count == 50)
        let ids = conversations.keys.sorted()
        let predicted = ids.map { id in
            RepetitionLoopDetector.calibrated.detect(TurnSeries.compute(seed: conversations[id]!.seed, outputs: conversations[id]!.outputs)).converged
        }
        let agreement = BinaryAgreement(predicted: predicted, actual: ids.map { labels[$0]! })
        let kappa = try #require(agreement.cohensKappa)
        #expect(kappa >= 0.85, "κ \(kappa) on \(run) fell below what calibration measured (0.88 on each run)")
    }
}
