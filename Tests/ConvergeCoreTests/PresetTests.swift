import ConvergeCore
import Testing

@Suite struct PresetTests {
    private let seeds = (1...60).map { "seed \($0)" }

    @Test func paperIsTheStudysProtocol() throws {
        let c = try Preset.named("paper").configuration(seeds: seeds)
        #expect(c.preset == "paper")
        #expect(c.seeds == Array(seeds.prefix(50)))
        #expect(c.turns == 25)
        #expect(c.maxTokens == 50)
        #expect(c.sampler.temperature == 0.7)
        #expect(c.sampler.topP == 0.95)
        #expect(c.history == .last)
        #expect(c.promptMode == .raw)
        #expect(c.validationError() == nil)
    }

    @Test func quickIsAFewSeedsOfTenTurns() throws {
        let c = try Preset.named("quick").configuration(seeds: seeds)
        #expect(c.seeds.count == 4)
        #expect(c.turns == 10)
        #expect(c.sampler.temperature == 0.7)
        #expect(c.validationError() == nil)
    }

    @Test(arguments: ["nope", "", "Paper", "quick "])
    func unknownPresetNamesItAndTheKnownOnes(name: String) {
        do {
            _ = try Preset.named(name)
            Issue.record("preset '\(name)' should be unknown")
        } catch let error as ConvergeError {
            #expect(error.code == .invalidParameter)
            #expect(error.message.contains("'\(name)'"))
            #expect(error.message.contains("paper") && error.message.contains("quick"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
