import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import Foundation
import Testing

/// A transcript from another tool whose `conversation` fields are strings keeps them in every output.
@Suite(.timeLimit(.minutes(2))) struct StringIDTests {
    static let ids = ["conv_0042", "conv_0007", "conv_0100"]

    /// The synthetic run with string ids and seeds in the rows, written without run.json.
    static func write() throws -> URL {
        let directory = try SyntheticRun.write(SyntheticRun.records(conversations: 3, seedField: true), manifest: false)
        let url = directory.appendingPathComponent("transcript.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            var row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            row["conversation"] = ids[try #require(row["conversation"] as? Int)]
            return String(decoding: try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return directory
    }

    @Test func stringIdsSurviveEveryOutput() async throws {
        let directory = try Self.write()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let sorted = Self.ids.sorted()
        #expect(run.conversations.map(\.name) == sorted)
        // conv_0042 was conversation 0 of the synthetic run: it loops from turn 3.
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        try analysis.write()

        let summary = try jsonObject(at: run.summaryURL)
        let conversations = try #require(summary["conversations"] as? [[String: Any]])
        #expect(conversations.map { $0["conversation"] as? String } == sorted)
        let looping = try #require(conversations.first { $0["conversation"] as? String == "conv_0042" })
        #expect((looping["dominant_loop"] as? [String: Any])?["onset"] as? Int == 3)

        let metrics = try String(contentsOf: run.metricsURL, encoding: .utf8).split(separator: "\n")
        #expect(Set(metrics.dropFirst().map { String($0.prefix { $0 != "," }) }) == Set(sorted))
        let tsne = try String(contentsOf: run.tsneURL, encoding: .utf8)
        #expect(sorted.allSatisfy { tsne.contains("\n\($0),") })
        let similarity = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.similarityURL)) as? [[String: Any]])
        #expect(similarity.map { $0["conversation"] as? String } == sorted)

        let reread = try RunAnalysis.read(run)
        #expect(reread.summary == analysis.summary && reread.metrics.map(\.series) == analysis.metrics.map(\.series))
        #expect(reread.tsne == analysis.tsne)
        let report = ReportInput(reread)
        #expect(report.conversations.map(\.label) == sorted)
        #expect(report.tsnePoints.allSatisfy { $0.conversation >= 0 })
        #expect(TerminalSummary.text(analysis.summary).contains("3 conversations"))
    }

    @Test func aStringIdIsWrittenBackAsAString() throws {
        let json =
            #"{"conversation":"conv_0042","seed_index":0,"replicate":0,"turn":1,"agent":"A","model":"m","text":"hi","prompt_tokens":1,"tokens":1,"finish_reason":"eos"}"#
        let record = try JSONDecoder().decode(TurnRecord.self, from: Data(json.utf8))
        #expect(record.conversationName == "conv_0042")
        let encoded = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(encoded.contains(#""conversation":"conv_0042""#))
    }
}
