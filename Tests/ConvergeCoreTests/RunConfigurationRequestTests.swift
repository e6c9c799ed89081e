import ConvergeCore
import Foundation
import Testing

@Suite struct RunConfigurationRequestTests {
    private let manifest = URL(fileURLWithPath: "/tmp/run/run.json")

    @Test func presetThenSettings() throws {
        var settings = RunSettings()
        settings.set(\.turns, 7)
        settings.set(\.sampler.dryPenaltyLastN, 32)
        settings.set(\.sampler.noRepeatNgramSize, 3)
        settings.set(\.maxTokens, nil)
        let c = try RunConfigurationRequest(preset: "quick", seedCount: 2, settings: settings).resolve()
        #expect(c.preset == "quick" && c.seeds.count == 2 && c.turns == 7 && c.maxTokens == 50)
        #expect(c.sampler.dryPenaltyLastN == 32 && c.sampler.noRepeatNgramSize == 3)
    }

    @Test func seedCountBeyondTheSeedsIsNamed() {
        #expect { try RunConfigurationRequest(seedCount: 51).resolve() } throws: { ($0 as? ConvergeError)?.message.contains("51") == true }
    }

    @Test func resumeAcceptsTheOriginalOptionsOrNone() throws {
        var settings = RunSettings()
        settings.set(\.turns, 4)
        let request = RunConfigurationRequest(preset: "quick", settings: settings)
        let recorded = try request.resolve()
        #expect(try request.resume(recorded, recordedIn: manifest) == recorded)
        #expect(try RunConfigurationRequest().resume(recorded, recordedIn: manifest) == recorded)
    }

    @Test func resumeNamesEveryDifferingSettingAndLetsParallelChange() throws {
        let recorded = try RunConfigurationRequest(preset: "quick").resolve()
        var settings = RunSettings()
        settings.set(\.parallel, 1)
        #expect(try RunConfigurationRequest(settings: settings).resume(recorded, recordedIn: manifest).parallel == 1)
        settings.set(\.turns, 9)
        settings.set(\.sampler.topP, 0.5)
        #expect { try RunConfigurationRequest(settings: settings).resume(recorded, recordedIn: manifest) } throws: {
            ($0 as? ConvergeError)?.message.hasSuffix("these differ from them: sampler.top_p, turns") == true
        }
    }
}
