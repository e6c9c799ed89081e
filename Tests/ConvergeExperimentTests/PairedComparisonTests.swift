import ConvergeAnalysis
import ConvergeDetection
import ConvergeStatistics
import Foundation
import Testing

@testable import ConvergeExperiment

/// `compare`'s paired tests, log-rank tests, sweep regression and generation warnings.
@Suite struct PairedComparisonTests {
    private func verdict(_ onset: Int?) throws -> ConvergenceVerdict {
        ConvergenceVerdict(onset: onset)
    }

    /// A condition whose conversation k ran seed `seeds[k]`, replicate 0, for 25 turns.
    private func condition(
        _ name: String, _ onsets: [Int?], seeds: [Int]? = nil, settings: [String: ConditionInput.Setting] = [:]
    ) throws -> ConditionInput {
        let seeds = seeds ?? Array(onsets.indices)
        let conversations = try zip(onsets, seeds).map { onset, seed in
            ConditionInput.Conversation(
                seedIndex: seed, replicate: 0, turns: 25, selfBLEU: Double(onset ?? 30) + Double(seed) / 10,
                verdicts: ["study": try verdict(onset), "loop": try verdict(onset)])
        }
        return ConditionInput(name: name, conversations: conversations, settings: settings)
    }

    @Test func sharedSeedsArePairedByIdentity() throws {
        let a = try condition("a", [3, 4, nil, 5, nil, 6, 3, nil, 4, 5])
        // The same seeds in reverse order: pairing goes by seed, not by position.
        let bOnsets: [Int?] = [nil, nil, 9, nil, 12, nil, nil, 10, nil, nil]
        let b = try condition("b", bOnsets.reversed(), seeds: Array((0..<10).reversed()))
        let comparison = Comparison(experiment: "x", inputs: [a, b])
        #expect(comparison.design.hasPrefix("paired: conditions share 10 seeds × 1 replicate"))
        let pair = try #require(comparison.pairs.first { $0.detector == "loop" })
        let paired = try #require(pair.paired)
        #expect(paired.pairs == 10)
        let first = [3, 4, nil, 5, nil, 6, 3, nil, 4, 5] as [Int?], second = bOnsets
        #expect(paired.mcnemar == McNemar(first.map { $0 != nil }, second.map { $0 != nil }))
        #expect(paired.onsetWilcoxon == WilcoxonSignedRank(first.map { $0 ?? 26 }, second.map { $0 ?? 26 }))
        #expect(
            pair.logRank
                == LogRank([
                    first.map { (duration: Double($0 ?? 25), event: $0 != nil) }, second.map { (duration: Double($0 ?? 25), event: $0 != nil) },
                ]))
        #expect(comparison.metricTests.count == 1 && comparison.metricTests[0].pairs == 10)
        #expect(comparison.table.contains("McNemar") && comparison.table.contains("log-rank"))
    }

    @Test func differentSeedsAreNotPaired() throws {
        let comparison = Comparison(
            experiment: "x", inputs: [try condition("a", [3, nil, 4]), try condition("b", [5, 6, nil], seeds: [0, 1, 7])])
        #expect(comparison.pairs.allSatisfy { $0.paired == nil })
        #expect(comparison.design.hasPrefix("unpaired: a and b ran different seeds (2 shared of 3 and 3)"))
        #expect(comparison.metricTests.isEmpty)
        #expect(comparison.pairs.allSatisfy { $0.logRank != nil })
    }

    @Test func sweepFitsARegressionOnTheVaryingFactors() throws {
        let grid: [(Double, [Int?])] = [(0.4, [3, nil, nil, nil, 5, nil]), (0.7, [3, 4, nil, 8, nil, nil]), (1.0, [2, 3, 4, nil, 6, 9])]
        let inputs = try grid.enumerated().map { index, cell in
            try condition(
                "t\(cell.0)", cell.1,
                settings: [
                    "configuration.sampler.temperature": .number(cell.0),
                    // Restates the temperature's grouping, so it must not become a second, collinear factor.
                    "configuration.sampler.temperature_label": .text("T\(index)"),
                    "configuration.context_per_sequence": .number(Double(512 + index)),
                    "configuration.seeds": .text("[\"s\"]"), "configuration.parallel": .number(8),
                ])
        }
        let comparison = Comparison(experiment: "sweep", inputs: inputs)
        let regression = try #require(comparison.regressions.first { $0.detector == "loop" })
        #expect(regression.factors == ["sampler.temperature"])
        #expect(regression.confounded == ["sampler.temperature_label"])
        let outcomes = grid.flatMap { $0.1.map { $0 != nil } }
        let expected = LogisticRegression(
            names: ["intercept", "sampler.temperature"], design: grid.flatMap { cell in cell.1.map { _ in [1, cell.0] } }, outcomes: outcomes)
        #expect(regression.fit.status == .fitted)
        #expect(regression.fit.logLikelihood == expected.logLikelihood)
        #expect(comparison.warnings.isEmpty)
        #expect(comparison.table.contains("Logistic regression of the verdict"))
    }

    @Test func collinearNamedConditionsFallBackToTheCondition() throws {
        // Each intervention sets its own key and a shared one, so shared = a + b: collinear.
        let settings: [[String: ConditionInput.Setting]] = [
            [:], ["configuration.a": .number(1), "configuration.shared": .number(1)],
            ["configuration.b": .number(1), "configuration.shared": .number(1)],
        ]
        let onsets: [[Int?]] = [[3, nil, 5, nil], [nil, 4, nil, nil], [3, 3, nil, 6]]
        let inputs = try zip(["control", "A", "B"], zip(onsets, settings)).map { try condition($0, $1.0, settings: $1.1) }
        let regression = try #require(Comparison(experiment: "x", inputs: inputs).regressions.first)
        #expect(regression.factors == ["condition"])
        #expect(regression.fit.status == .fitted)
        #expect(regression.fit.coefficients.map(\.name) == ["intercept", "condition=A", "condition=B"])
    }

    @Test func separatedSweepIsFlaggedNotFitted() throws {
        let inputs = try [(1.0, [Int?](repeating: 3, count: 4)), (2.0, [nil, nil, nil, nil]), (3.0, [5, 5, 5, 5])].map { cell in
            try condition("c\(Int(cell.0))", cell.1, settings: ["configuration.max_tokens": .text("\(cell.0)")])
        }
        let regression = try #require(Comparison(experiment: "x", inputs: inputs).regressions.first)
        #expect(regression.fit.status == .separation && regression.fit.coefficients.isEmpty)
    }

    @Test func warnsAboutDifferentArithmeticAndAboutWidthsOnlyWhenBatchDependent() throws {
        let invariant = ConditionInput.Setting.text("batch-invariant: no llamafile sgemm")
        let a = try condition("a", [3], settings: ["configuration.parallel": .number(8), "backend.arithmetic": invariant])
        let b = try condition("b", [4], settings: ["configuration.parallel": .number(1), "backend.arithmetic": invariant])
        let old = try condition("old", [4], settings: ["configuration.parallel": .number(1)])
        // Invariant runs are comparable at any width.
        #expect(Comparison(experiment: "x", inputs: [a, b]).warnings.isEmpty)
        let warnings = Comparison(experiment: "x", inputs: [a, old]).warnings
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("different arithmetic") && $0.contains("old: not recorded") })
        #expect(warnings.contains { $0.contains("--parallel") && $0.contains("a 8, old 1") })
    }

    @Test func runJSONIsFlattened() {
        let settings = ConditionInput.settings(
            manifestText:
                #"{"configuration": {"parallel": 8, "sampler": {"top_p": 0.95}, "stop": ["\n"], "model_b": "x.gguf", "flag": true, "none": null}, "generation": {"batch_invariant": false}}"#
        )
        #expect(settings["configuration.parallel"] == .number(8))
        #expect(settings["configuration.sampler.top_p"] == .number(0.95))
        #expect(settings["configuration.stop"] == .text(#"["\n"]"#))
        #expect(settings["configuration.model_b"] == .text("x.gguf"))
        #expect(settings["configuration.flag"] == .text("true"))
        #expect(settings["configuration.none"] == nil)
        #expect(settings["generation.batch_invariant"] == .text("false"))
        #expect(ConditionInput.settings(manifestText: "not json").isEmpty)
    }

    @Test func settingsPrintAsInRunJSON() {
        #expect(ConditionInput.Setting.number(0.7).description == "0.7")
        #expect(ConditionInput.Setting.number(50).description == "50")
    }
}
