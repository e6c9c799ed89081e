import ConvergeCore
import ConvergeExperiment
import Foundation
import Testing

@Suite struct ExperimentFileTests {
    private func parse(_ text: String) throws -> ExperimentFile {
        try ExperimentFile(text: text, source: "test.yaml", directory: URL(fileURLWithPath: "/tmp"))
    }

    private func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as ConvergeError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func gridIsCrossedWithConditions() throws {
        let file = try parse(
            """
            name: sweep
            preset: quick
            seed_count: 2
            base:
              turns: 4
              sampler: {top_p: 0.9}
            grid:
              sampler.temperature: [0.5, 1.0]
              max_tokens: [25, 50]
            conditions:
              - name: control
              - name: gg
                models: [gemma, gemma]
                history: full
            """)
        #expect(file.name == "sweep")
        #expect(
            file.conditions.map(\.name) == [
                "control_temperature-0.5_max_tokens-25", "control_temperature-0.5_max_tokens-50",
                "control_temperature-1.0_max_tokens-25", "control_temperature-1.0_max_tokens-50",
                "gg_temperature-0.5_max_tokens-25", "gg_temperature-0.5_max_tokens-50",
                "gg_temperature-1.0_max_tokens-25", "gg_temperature-1.0_max_tokens-50",
            ])
        let last = file.conditions[7].configuration
        #expect(last.sampler.temperature == 1.0 && last.maxTokens == 50 && last.sampler.topP == 0.9)
        #expect(last.turns == 4 && last.seeds.count == 2 && last.preset == "quick")
        #expect(last.modelA == "gemma" && last.modelB == "gemma" && last.history == .full)
        #expect(file.conditions[0].configuration.modelA == "" && file.conditions[0].configuration.history == .last)
    }

    @Test func interventionAndSamplerInterventions() throws {
        let file = try parse(
            """
            seed_count: 1
            conditions:
              - name: control
              - name: ngram
                sampler: {no_repeat_ngram_size: 3}
              - name: hot
                intervention: {action: raise_temperature, temperature: 1.4, turns: 2}
            """)
        #expect(file.conditions[0].configuration.intervention == nil)
        #expect(file.conditions[1].configuration.sampler.noRepeatNgramSize == 3)
        let policy = try #require(file.conditions[2].configuration.intervention)
        #expect(policy.action == .raiseTemperature && policy.temperature == 1.4 && policy.turns == 2 && policy.trigger == .loop)
    }

    @Test func branchConditionKeepsItsRuleAndSettings() throws {
        let file = try parse(
            """
            seed_count: 3
            base: {turns: 8}
            conditions:
              - name: control
              - name: hot
                branch: {from: control, looping_at_turn: 4}
                sampler: {temperature: 1.0}
                replicates: 5
              - name: inject
                branch: {from: control, looping_at_turn: 4}
                intervention: {action: inject_seed, trigger: branch}
            """)
        #expect(file.conditions.map(\.branch) == [nil, .init(from: "control", loopingAtTurn: 4), .init(from: "control", loopingAtTurn: 4)])
        #expect(file.conditions[1].configuration.sampler.temperature == 1.0 && file.conditions[1].configuration.replicates == 5)
        #expect(file.conditions[2].configuration.intervention?.trigger == .branch)
        #expect(file.conditions[1].configuration.seeds == file.conditions[0].configuration.seeds)
    }

    @Test func withoutGridOrConditionsOneBaseCell() throws {
        let file = try parse("seed_count: 3\n")
        #expect(file.conditions.map(\.name) == ["base"])
        #expect(file.conditions[0].configuration == Preset.paper.configuration(seeds: Array(try SeedFile.bundled().prefix(3))))
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        BadFile(text: "name: x\nbase:\n  sampler:\n    temprature: 0.5\n", message: "test.yaml:4: unknown configuration key 'sampler.temprature'"),
        BadFile(text: "base:\n  turns: three\n", message: "test.yaml:2: key 'turns': expected a whole number"),
        BadFile(
            text: "seed_count: 1\nfoo: 1\n",
            message: "test.yaml:2: unknown key 'foo' (known: name, description, preset, seed_count, seed_file, base, grid, conditions)"),
        BadFile(text: "grid:\n  max_tokens: []\n", message: "test.yaml:2: key 'grid.max_tokens' must be a non-empty list of values"),
        BadFile(text: "grid:\n  max_token: [1]\n", message: "test.yaml:2: unknown configuration key 'grid.max_token'"),
        BadFile(text: "conditions:\n  - turns: 3\n", message: "test.yaml:2: conditions[0] needs a 'name'"),
        BadFile(text: "conditions:\n  - name: a\n  - name: a\n", message: "test.yaml:3: two conditions are named 'a'"),
        BadFile(text: "conditions:\n  - name: a b\n", message: "test.yaml:2: condition name 'a b' may hold only letters, digits, '.', '_' and '-'"),
        BadFile(
            text: "seed_count: 1\nconditions:\n  - name: p\n    intervention: {action: perturb}\n",
            message: "test.yaml:3: condition 'p': intervention.perturbation must be a non-empty text for action perturb"),
        BadFile(
            text: "seed_count: 1\nconditions:\n  - name: q\n    sampler:\n      no_repeat_ngram_size: -2\n",
            message: "test.yaml:3: condition 'q': no-repeat n-gram size must be ≥ 0 (got -2)"),
        BadFile(
            text: "grid:\n  intervention:\n    - {action: perturb, perturbaton: x}\n",
            message: "test.yaml:3: unknown configuration key 'intervention.perturbaton'"),
        BadFile(text: "conditions:\n  - name: ..\n", message: "test.yaml:2: condition name '..' names a directory outside the condition's own; choose another"),
        BadFile(text: "conditions:\n  - name: .\n", message: "test.yaml:2: condition name '.' names a directory outside the condition's own; choose another"),
        BadFile(text: "seed_count: 0\n", message: "test.yaml:1: key 'seed_count' must be a whole number ≥ 1"),
        BadFile(
            text: "conditions:\n  - name: hot\n    branch: {from: control, looping_at_turn: 3}\n",
            message: "test.yaml:2: condition 'hot': branch.from 'control' must name an earlier condition"),
        BadFile(
            text: "base: {turns: 6}\nconditions:\n  - name: control\n  - name: hot\n    branch: {from: control, looping_at_turn: 6}\n",
            message: "test.yaml:4: condition 'hot': branch.looping_at_turn 6 leaves nothing to generate in 6 turns"),
        BadFile(
            text: "conditions:\n  - name: control\n  - name: hot\n    branch: {from: control, at_turn: 3}\n",
            message: "test.yaml:4: unknown key 'branch.at_turn' (a branch takes 'from' and 'looping_at_turn')"),
        BadFile(
            text: "conditions:\n  - name: control\n  - name: hot\n    branch: {from: control, looping_at_turn: 0}\n",
            message: "test.yaml:4: key 'branch.looping_at_turn' must be a whole number ≥ 1"),
        BadFile(
            text:
                "conditions:\n  - name: c\n  - name: b1\n    branch: {from: c, looping_at_turn: 2}\n  - name: b2\n    branch: {from: b1, looping_at_turn: 3}\n",
            message: "test.yaml:5: condition 'b2': branch.from 'b1' is itself a branch"),
        BadFile(text: "preset: huge\n", message: "test.yaml:1: key 'preset': unknown preset 'huge' (known: paper, quick)"),
    ])
    func invalidFileNamesKeyAndLine(_ bad: BadFile) {
        #expect(error(bad.text) == bad.message)
    }

    @Test func syntaxErrorNamesTheLine() throws {
        let message = try #require(error("name: [bad\n"))
        #expect(message.hasPrefix("test.yaml: is not valid YAML: 2:1"))
    }

    /// Every shipped experiment file parses.
    @Test func shippedFilesParse() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("experiments")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 5)
        for name in files {
            let file = try ExperimentFile.load(directory.appendingPathComponent(name))
            #expect(!file.conditions.isEmpty, "\(name)")
        }
    }
}
