import ConvergeAnalysis
import ConvergeDetection
import ConvergeMetrics
import ConvergeStatistics
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct LabelCalibrateTests {
    /// Feeds lines as piped stdin would and collects what the session shows.
    private func label(_ run: RunDirectory, answers: [String]) throws -> (LabelSession.Outcome, String) {
        var input = answers[...]
        var shown = ""
        let outcome = try LabelSession(run: run, labeller: "tester", width: 60).run(
            readLine: { input.popFirst() }, write: { shown += $0 })
        return (outcome, shown)
    }

    @Test func labelResumesThenCalibrateWritesADetectorFileThatAnalyzeUses() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records())
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)

        // Conversation 0: yes at 3; 1: no; 2: an invalid answer, then yes with onset unknown; 3: skip; then quit.
        let (first, shown) = try label(run, answers: ["y", "3", "n", "maybe", "y", "", "s", "q"])
        #expect(first == LabelSession.Outcome(labelled: 3, skipped: 1, remaining: 3, stoppedEarly: true))
        #expect(shown.contains("converged? [y/n/s(kip)/q]") && shown.contains("onset turn? [1-10"))
        #expect(shown.contains("please answer y, n, s or q"))
        #expect(shown.contains("\n  1 A  │ kapi") && shown.contains("\n 10 B  │ the cat") && shown.contains("seed   │ The lighthouse keeper"))

        // The second session starts at the skipped conversation; input ending early stops it cleanly.
        let (second, shownAgain) = try label(run, answers: ["n", "y", "4", "n"])
        #expect(shownAgain.hasPrefix("3 of 6 conversations already labelled; 3 to go."))
        #expect(second == LabelSession.Outcome(labelled: 3, skipped: 0, remaining: 0, stoppedEarly: false))

        let labels = try LabelFile.read(run.labelsURL)
        #expect(labels.map(\.conversation) == [0, 1, 2, 3, 4, 5])
        #expect(labels.map(\.converged) == [true, false, true, false, true, false])
        #expect(labels.map(\.onset) == [3, nil, nil, nil, 4, nil])
        let lines = try String(contentsOf: run.labelsURL, encoding: .utf8).split(separator: "\n")
        #expect(lines[1] == #"{"converged":false,"conversation":1,"labeller":"tester","onset":null,"run":"\#(run.name)"}"#)

        // Relabel conversation 4 as not converged: the last label counts.
        try LabelFile.append(ConversationLabel(run: run.name, conversation: 4, converged: false, onset: nil, labeller: "tester"), to: run.labelsURL)

        let analysis = try await RunAnalysis.prepare(run, detectors: nil) { HashingEmbedder() }.analysis
        let (conversations, notes) = try LabelledRuns.join(
            [(run, analysis.metrics)], labels: try LabelFile.read(run.labelsURL).map { ($0, "labels.jsonl") })
        #expect(notes.isEmpty && conversations.count == 6)
        let outcome = try CalibrationOutcome(conversations, folds: 3)
        #expect(outcome.loopBest.cohensKappa == 1)
        #expect(outcome.folds == 3 && outcome.loopHeldOut?.total == 6)
        let table = CalibrationTable.text(outcome, top: 3)
        #expect(table.contains("Study rule: 625 settings") && table.contains("Loop detector: 2250 settings"))
        #expect(table.contains("Recommended:") && table.contains("held out (3-fold cross-validation)"))
        #expect(CalibrationTable.csv(outcome).split(separator: "\n").count == 1 + 625 + 2250)

        var evaluated = outcome
        evaluated.evaluate(on: Array(conversations.prefix(4)))
        #expect(evaluated.loopEvaluation?.agreement.total == 4 && evaluated.loopEvaluation?.cohensKappa == 1)
        #expect(CalibrationTable.text(evaluated).contains("on 4 conversations of the evaluation runs: κ 1.000"))
        #expect(evaluated.detectors(runs: [run.name]).provenance.contains("on 4 held-out conversations of other runs"))

        let file = directory.appendingPathComponent("detectors.json")
        try DetectorFile.write(outcome.detectors(runs: [run.name]), to: file)
        let detectors = try DetectorFile.read(file)
        #expect(detectors.loop == outcome.loopBest.detector && detectors.provenance.hasPrefix("calibrated by converge calibrate on 6"))

        let calibrated = try await RunAnalysis.compute(run, detectors: detectors, embedder: HashingEmbedder())
        #expect(calibrated.summary.detectorSettings == detectors)
        #expect(calibrated.summary.conversations.map { $0[.loopingAtEnd].converged } == [true, false, true, false, false, false])

        // The report's path: saved analysis with new settings redoes only the verdicts.
        let (redone, computed) = try await RunAnalysis.prepare(run, detectors: detectors) {
            Issue.record("the embedder must not be opened when only the settings change")
            return HashingEmbedder()
        }
        #expect(computed && redone.summary.conversations == calibrated.summary.conversations)
    }

    @Test func labelProblemsAreNamed() async throws {
        let directory = try SyntheticRun.write(SyntheticRun.records(conversations: 2))
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try RunDirectory.load(directory)
        let metrics = try await ConversationMetrics.compute(run.conversations, embedder: HashingEmbedder())
        func join(_ label: ConversationLabel) throws { _ = try LabelledRuns.join([(run, metrics)], labels: [(label, "l.jsonl")]) }
        #expect(
            thrownMessage { try join(ConversationLabel(run: nil, conversation: 9, converged: true, onset: nil, labeller: "x")) }?.contains(
                "run \(run.name) has no conversation 9") == true)
        #expect(
            thrownMessage { try join(ConversationLabel(run: run.name, conversation: 0, converged: true, onset: 11, labeller: "x")) }?.contains("has onset 11")
                == true)
        let other = try LabelledRuns.join(
            [(run, metrics)], labels: [(ConversationLabel(run: "elsewhere", conversation: 0, converged: true, onset: nil, labeller: "x"), "l")])
        #expect(other.conversations.isEmpty && other.notes == ["ignored 1 labels of run elsewhere, which was not given"])
        let oneKind = try LabelledRuns.join(
            [(run, metrics)], labels: [(ConversationLabel(run: nil, conversation: 0, converged: true, onset: 3, labeller: "x"), "l")])
        #expect(thrownMessage { _ = try CalibrationOutcome(oneKind.conversations) }?.contains("needs labels of both kinds") == true)
        #expect(thrownMessage { _ = try CalibrationOutcome([]) }?.contains("no labelled conversations") == true)
    }
}
