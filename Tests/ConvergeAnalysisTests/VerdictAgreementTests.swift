import ConvergeAnalysis
import ConvergeDetection
import ConvergeStatistics
import Foundation
import Testing

/// `analyze --labels`: each verdict against labels, with who made them.
@Suite(.timeLimit(.minutes(2))) struct VerdictAgreementTests {
    @Test func everyVerdictIsScoredAndTheLabellersNamed() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records())
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let analysis = try await RunAnalysis.compute(run, detectors: .calibrated, embedder: HashingEmbedder(), includeTSNE: false)
        // Conversations 0 and 2 loop to the end; 4 escapes its loop at turn 7 of 10.
        let labels =
            (0..<6).map { id in
                ConversationLabel(
                    run: run.name, conversation: id, converged: id == 0 || id == 2, onset: nil, labeller: "AI reader 1 (test)")
            } + [ConversationLabel(run: "other-run", conversation: 1, converged: true, onset: nil, labeller: "someone else")]
        let agreement = try VerdictAgreement(summary: analysis.summary, labels: labels)
        #expect(agreement.labelled == 6 && agreement.labelledConverged == 2 && agreement.labellers == ["AI reader 1 (test)"])
        #expect(agreement.rows.map(\.verdict) == VerdictName.allCases)
        let atEnd = try #require(agreement.rows.first { $0.verdict == .loopingAtEnd })
        #expect(atEnd.kappa.kappa == 1 && atEnd.agreement.falsePositives == 0)
        let ever = try #require(agreement.rows.first { $0.verdict == .everLooped })
        #expect(ever.agreement.falsePositives == 1)
        #expect(agreement.text.contains("labelled by AI reader 1 (test)") && agreement.text.contains("looping_at_end"))
    }

    @Test func labelsOfAnotherRunAreRefused() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records(conversations: 2))
        defer { try? FileManager.default.removeItem(at: directory) }
        let analysis = try await RunAnalysis.compute(
            try RunDirectory.load(directory), detectors: .calibrated, embedder: HashingEmbedder(), includeTSNE: false)
        let label = ConversationLabel(run: "elsewhere", conversation: 0, converged: true, onset: 3, labeller: "x")
        #expect(throws: (any Error).self) { try VerdictAgreement(summary: analysis.summary, labels: [label]) }
    }
}
