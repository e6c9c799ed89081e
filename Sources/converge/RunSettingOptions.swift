import ArgumentParser
import ConvergeCore
import Foundation

/// The options of `converge run` that set one configuration value each; each maps onto its
/// `RunConfiguration` key path, and `RunConfigurationRequest` does the rest.
struct RunSettingOptions: ParsableArguments {
    @Option(help: "Conversations per seed.")
    var replicates: Int?
    @Option(help: "Turns per conversation; a turn is one model output.")
    var turns: Int?
    @Option(help: "Maximum new tokens per turn.")
    var maxTokens: Int?
    @Option(help: "Sampling temperature; 0 is greedy.")
    var temperature: Double?
    @Option(help: "Top-p (nucleus) mass, in (0, 1].")
    var topP: Double?
    @Option(help: "Top-k; 0 keeps every token.")
    var topK: Int?
    @Option(help: "Min-p relative to the most likely token; 0 is off.")
    var minP: Double?
    @Option(help: "Repetition penalty; 1 is off.")
    var repeatPenalty: Double?
    @Option(help: "Presence penalty; 0 is off.")
    var presencePenalty: Double?
    @Option(help: "Frequency penalty; 0 is off.")
    var frequencyPenalty: Double?
    @Option(help: "Tokens the penalties look back over; -1 is all.")
    var penaltyLastN: Int?
    @Option(help: "DRY multiplier; 0 is off (see docs for how DRY differs from llama.cpp's).")
    var dryMultiplier: Double?
    @Option(help: "DRY base: the penalty grows as base^(repeat length − allowed length).")
    var dryBase: Double?
    @Option(help: "DRY allowed length: repeats shorter than this are not penalised.")
    var dryAllowedLength: Int?
    @Option(help: "Tokens DRY looks back over; -1 is all.")
    var dryPenaltyLastN: Int?
    @Option(help: "Forbid repeating any n-gram of this size from the prompt and output; 0 is off.")
    var noRepeatNgramSize: Int?
    @Option(help: "A stop string (repeat the option for several).")
    var stop: [String] = []
    @Option(help: "What a model sees: last (the other's latest output), last-K, or full.")
    var history: String?
    @Option(help: "raw (continue the text, the study's setting) or chat (each model's chat template).")
    var promptMode: String?
    @Option(help: "Model for agent A (odd turns). Default: Gemma-3-270M base.")
    var modelA: String?
    @Option(help: "Model for agent B (even turns). Default: SmolLM2-135M-Instruct.")
    var modelB: String?
    @Option(help: "Run seed; each conversation's stream derives from it and the conversation's identity.")
    var rngSeed: UInt64?
    @Option(help: "Conversations advanced together in one batched decode (default 50: the paper preset in one batch, the fastest measured; see BENCHMARKS.md).")
    var parallel: Int?
    @Option(help: "Tokens of context per conversation (prompt + output).")
    var context: Int?
    @Option(help: "Relay each turn through a text file in this directory, as the study did.")
    var relayDir: String?

    /// - Throws: `ConvergeError` for a history window or prompt mode that does not parse.
    func settings() throws -> RunSettings {
        var s = RunSettings()
        s.set(\.replicates, replicates)
        s.set(\.turns, turns)
        s.set(\.maxTokens, maxTokens)
        s.set(\.sampler.temperature, temperature)
        s.set(\.sampler.topP, topP)
        s.set(\.sampler.topK, topK)
        s.set(\.sampler.minP, minP)
        s.set(\.sampler.repeatPenalty, repeatPenalty)
        s.set(\.sampler.presencePenalty, presencePenalty)
        s.set(\.sampler.frequencyPenalty, frequencyPenalty)
        s.set(\.sampler.penaltyLastN, penaltyLastN)
        s.set(\.sampler.dryMultiplier, dryMultiplier)
        s.set(\.sampler.dryBase, dryBase)
        s.set(\.sampler.dryAllowedLength, dryAllowedLength)
        s.set(\.sampler.dryPenaltyLastN, dryPenaltyLastN)
        s.set(\.sampler.noRepeatNgramSize, noRepeatNgramSize)
        s.set(\.stop, stop.isEmpty ? nil : stop)
        s.set(\.history, try history.map(HistoryWindow.parsed))
        s.set(\.promptMode, try promptMode.map(PromptMode.parsed))
        s.set(\.modelA, modelA)
        s.set(\.modelB, modelB)
        s.set(\.rngSeed, rngSeed)
        s.set(\.parallel, parallel)
        s.set(\.contextPerSequence, context)
        s.set(\.relayDirectory, relayDir)
        return s
    }
}
