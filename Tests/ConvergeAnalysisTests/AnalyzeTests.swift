import ConvergeAnalysis
import ConvergeCore
import ConvergeDetection
import ConvergeMetrics
import ConvergeReport
import ConvergeStatistics
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

    @Test func summaryHasEveryVerdictWithWilsonIntervalsOnsetsAndSignatures() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records())
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder())
        try analysis.write()
        let json = try jsonObject(at: run.summaryURL)

        #expect(json["conversation_count"] as? Int == 6)
        #expect(json["turn_count"] as? Int == 60)
        #expect(json["default_verdict"] as? String == "dominant_loop")
        let verdicts = try #require(json["verdicts"] as? [String: [String: Any]])
        #expect(Set(verdicts.keys) == Set(VerdictName.allCases.map(\.rawValue)))
        let study = try #require(verdicts["fitted_rule"])
        let loop = try #require(verdicts["looping_at_end"])
        // Loops at 0, 2 and 4; conversation 4 escapes its loop (turns 3–6 of 10), which only the
        // fitted rule and ever_looped ignore; 2 of its last 6 turns loop, too few for dominant_loop.
        #expect(study["converged"] as? Int == 3 && loop["converged"] as? Int == 2)
        #expect(verdicts["ever_looped"]?["converged"] as? Int == 3 && verdicts["dominant_loop"]?["converged"] as? Int == 2)
        // The study's own rule needs coherence difference, undefined for the one-sentence loop text.
        #expect(verdicts["study_rule"]?["converged"] as? Int == 0)
        let wilson = try #require(WilsonInterval(successes: 2, total: 6))
        #expect(loop["total"] as? Int == 6)
        #expect(loop["ci95_low"] is Double && loop["ci95_high"] is Double)
        // JSONSerialization parses numbers as decimals; JSONDecoder reads the exact doubles back.
        let decoded = try JSONDecoder().decode(AnalysisSummary.self, from: Data(contentsOf: run.summaryURL))
        #expect(decoded[.loopingAtEnd].ciLow == wilson.lower && decoded[.loopingAtEnd].ciHigh == wilson.upper)
        #expect(abs(wilson.lower - 0.0967714111) < 1e-9 && abs(wilson.upper - 0.7000066849) < 1e-9)
        let onsets = try #require(loop["onsets"] as? [String: Any])
        #expect(onsets["min"] as? Int == 3 && onsets["max"] as? Int == 5 && onsets["median"] as? Double == 4)

        let conversations = try #require(json["conversations"] as? [[String: Any]])
        #expect(conversations.count == 6)
        let escaped = try #require(conversations[4]["looping_at_end"] as? [String: Any])
        #expect(escaped["converged"] as? Bool == false && escaped["onset"] is NSNull)
        #expect((conversations[4]["ever_looped"] as? [String: Any])?["onset"] as? Int == 3)
        #expect((conversations[4]["fitted_rule"] as? [String: Any])?["onset"] as? Int == 4)
        // Turn 7's window still holds turn 6's loop, so the loop is escaped at turn 8 and spans 3–7.
        #expect(conversations[4]["escape_turns"] as? [Int] == [8] && conversations[4]["loop_share"] as? Double == 0.5)
        #expect(conversations[0]["escape_turns"] as? [Int] == [] && conversations[1]["loop_share"] as? Double == 0)
        #expect((conversations[0]["self_bleu"] as? Double ?? 0) > 50 && (conversations[1]["self_bleu"] as? Double ?? 100) < 5)

        let signatures = try #require(json["signatures"] as? [String: String])
        #expect(signatures["bleu"] == BLEU.signature())
        #expect(Set(signatures.keys).isSuperset(of: ["jaccard", "cosine", "coherence", "distinct_n", "rep_n", "compression_ratio", "self_bleu"]))
        #expect(signatures["cosine"]?.contains("hashing-test-embedder") == true)
        #expect(signatures["self_bleu"] == SelfBLEU.signature(count: SyntheticRun.turns))

        let settings = try #require(json["detector_settings"] as? [String: Any])
        #expect(Set(settings.keys) == ["study", "fitted", "loop", "provenance"])
        let studyMetrics = try #require((settings["study"] as? [String: Any])?["thresholds"] as? [String: Double])
        #expect(Set(studyMetrics.keys) == ["cosine_distance_prev", "jaccard_distance_prev", "bleu_distance_prev", "coherence_difference"])
        #expect((settings["provenance"] as? String)?.contains("AI readers") == true)
        let models = try #require(json["models"] as? [[String: Any]])
        #expect(models.map { $0["agent"] as? String } == ["A", "B"])
        #expect(models[0]["turns"] as? Int == 30)
        #expect((models[0]["means"] as? [String: Double])?["bleu_distance_prev"] != nil)
        #expect((models[0]["loop_share"] as? [String: Double])?["fitted_rule"] ?? 0 > 0)
        #expect(json["tsne"] is [String: Any])

        let text = TerminalSummary.text(analysis.summary)
        #expect(text.contains("2 / 6") && text.contains("33.3%") && text.contains("[9.7%, 70.0%]"))
        #expect(VerdictName.allCases.allSatisfy { text.contains($0.rawValue) } && text.contains("dominant_loop *"))
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

    /// The `stop` intervention ends a conversation on purpose: short, but not unfinished.
    @Test func aConversationTheStopInterventionEndedIsNotUnfinished() throws {
        var records = Array(SyntheticRun.records(conversations: 2).filter { $0.turn <= 3 })
        for index in records.indices where records[index].conversation == 0 && records[index].turn == 3 {
            records[index].intervention = TurnIntervention(action: .stop, detail: "loop detector fired at turn 3; conversation stopped")
        }
        let directory = try SyntheticRun.write(records)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        #expect(run.warnings.count == 1 && run.warnings[0].hasPrefix("conversation 1 has 3 of 10 turns"), "\(run.warnings)")
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
