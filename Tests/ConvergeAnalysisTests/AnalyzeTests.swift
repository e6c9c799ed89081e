import ConvergeAnalysis
import ConvergeCore
import ConvergeMetrics
import ConvergeReport
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct AnalyzeTests {
    @Test func writesMetricsCSVWithEveryColumnAndOneRowPerTurn() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records(model: { $0 == .a ? "gemma, \"base\"" : "smol" }))
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        let files = try analysis.write()
        #expect(Set(files.map(\.lastPathComponent)) == ["metrics.csv", "summary.json", "similarity.json", "tsne.csv"])

        let text = try String(contentsOf: run.metricsURL, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header == ["conversation", "seed_index", "replicate", "turn", "agent", "model"] + TurnMetric.allCases.map(\.rawValue))
        #expect(header.contains("bleu_distance_self") && header.contains("cosine_distance_seed") && header.contains("rep_4_window"))
        #expect(lines.count == 1 + 6 * SyntheticRun.turns)
        #expect(lines[1].hasPrefix("0,0,0,1,A,\"gemma, \"\"base\"\"\",") && lines[2].hasPrefix("0,0,0,2,B,smol,"))

        // The file reads back to exactly the series computed, bit for bit.
        let reread = try RunAnalysis.read(run)
        #expect(reread.metrics.map(\.series) == analysis.metrics.map(\.series))
        #expect(reread.summary == analysis.summary)
        #expect(reread.similarity == analysis.similarity)
        #expect(reread.tsne == analysis.tsne)
    }

    @Test func summaryHasBothDetectorsWithWilsonIntervalsOnsetsAndSignatures() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records())
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        try analysis.write()
        let json = try jsonObject(at: run.summaryURL)

        #expect(json["conversation_count"] as? Int == 6)
        #expect(json["turn_count"] as? Int == 60)
        let study = try #require(json["study"] as? [String: Any])
        let loop = try #require(json["loop"] as? [String: Any])
        // Loops at 0, 2 and 4; conversation 4 escapes its loop, which only the study rule ignores.
        #expect(study["converged"] as? Int == 3 && loop["converged"] as? Int == 2)
        let wilson = try #require(WilsonInterval(successes: 2, total: 6))
        #expect(loop["total"] as? Int == 6)
        #expect(loop["ci95_low"] is Double && loop["ci95_high"] is Double)
        // JSONSerialization parses numbers as decimals; JSONDecoder reads the exact doubles back.
        let decoded = try JSONDecoder().decode(AnalysisSummary.self, from: Data(contentsOf: run.summaryURL))
        #expect(decoded.loop.ciLow == wilson.lower && decoded.loop.ciHigh == wilson.upper)
        #expect(abs(wilson.lower - 0.0967714111) < 1e-9 && abs(wilson.upper - 0.7000066849) < 1e-9)
        let onsets = try #require(loop["onsets"] as? [String: Any])
        #expect(onsets["min"] as? Int == 3 && onsets["max"] as? Int == 5 && onsets["median"] as? Double == 4)

        let conversations = try #require(json["conversations"] as? [[String: Any]])
        #expect(conversations.count == 6)
        let escaped = try #require(conversations[4]["loop"] as? [String: Any])
        #expect(escaped["converged"] as? Bool == false && escaped["onset"] is NSNull)
        #expect((conversations[4]["study"] as? [String: Any])?["onset"] as? Int == 4)
        #expect((conversations[0]["self_bleu"] as? Double ?? 0) > 50 && (conversations[1]["self_bleu"] as? Double ?? 100) < 5)

        let signatures = try #require(json["signatures"] as? [String: String])
        #expect(signatures["bleu"] == BLEU.signature())
        #expect(Set(signatures.keys).isSuperset(of: ["jaccard", "cosine", "coherence", "distinct_n", "rep_n", "compression_ratio", "self_bleu"]))
        #expect(signatures["cosine"]?.contains("hashing-test-embedder") == true)
        #expect(signatures["self_bleu"] == SelfBLEU.signature(count: SyntheticRun.turns))

        let settings = try #require(json["detector_settings"] as? [String: Any])
        #expect(Set(settings.keys) == ["study", "loop", "provenance"])
        let models = try #require(json["models"] as? [[String: Any]])
        #expect(models.map { $0["agent"] as? String } == ["A", "B"])
        #expect(models[0]["turns"] as? Int == 30)
        #expect((models[0]["means"] as? [String: Double])?["bleu_distance_prev"] != nil)
        #expect((models[0]["loop_share"] as? [String: Double])?["study"] ?? 0 > 0)
        #expect(json["tsne"] is [String: Any])

        let text = TerminalSummary.text(analysis.summary)
        #expect(text.contains("2 / 6") && text.contains("33.3%") && text.contains("[9.7%, 70.0%]"))
    }

    @Test func foreignTranscriptTakesSeedsFromRows() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records(conversations: 3, seedField: true), manifest: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        #expect(run.manifest == nil)
        #expect(run.conversations.map(\.seed) == SyntheticRun.seeds)
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        try analysis.write()
        #expect(analysis.summary.conversationCount == 3)
        // Turn 1's prev pair compares with the seed, so the seed really reached the series.
        let first = analysis.metrics[2].series[0]
        #expect(first[.bleuDistancePrev] == first[.bleuDistanceSeed])
        #expect(ReportInput(analysis).provenance.contains { $0.key == "source" })
    }

    @Test func aOneTurnConversationIsAnalysedWithAWarning() async throws {
        let records = Array(SyntheticRun.records(conversations: 1).prefix(1))
        let directory = try SyntheticRun.write(records)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        #expect(run.warnings.count == 1 && run.warnings[0].contains("1 of 10 turns"))
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        #expect(analysis.metrics[0].series.count == 1)
        #expect(analysis.summary.conversations[0].selfBLEU == nil)
    }
}
