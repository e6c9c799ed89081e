public import ConvergeCore
public import Foundation

/// The optional LLM judge (docs/LABELLING.md, "LLM judge"): asks a model whether each conversation
/// of a run collapsed into a loop, with `JudgePrompt`, and writes the answers as a label file in
/// `converge label`'s format, so `converge agreement` and `converge analyze --labels` read it.
///
/// Every label names its maker: an LLM judge, the model, where it was served, and the prompt's
/// SHA-256. Greedy decoding (temperature 0) keeps the answers repeatable on a deterministic server.
public struct LLMJudge: Sendable {
    /// What one judging pass did.
    public struct Outcome: Sendable, Equatable {
        /// The labels written now, in conversation order.
        public var labels: [ConversationLabel] = []
        /// Conversations that already had a label in the file.
        public var alreadyLabelled = 0
        /// Conversations without a label: the reply said neither yes nor no, or the request failed.
        public var unanswered: [Int] = []
    }

    public let model: any LanguageModel
    /// The server the model answers from, recorded in each label.
    public let server: String
    /// Conversations asked for at once; the backend spreads them over its endpoints.
    public let batchSize: Int

    /// - Parameters:
    ///   - model: the judge.
    ///   - server: where it is served, e.g. the model spec without any key.
    ///   - batchSize: conversations per request batch; each label is saved as its answer arrives.
    public init(model: any LanguageModel, server: String, batchSize: Int = 8) {
        self.model = model
        self.server = server
        self.batchSize = max(1, batchSize)
    }

    /// The `labeller` of every label this judge writes.
    public var labeller: String {
        "LLM judge (model \(model.name) served at \(server), not a person; prompt sha256 \(JudgePrompt.sha256), "
            + "temperature 0; lasts-to-the-end criterion of docs/LABELLING.md)"
    }

    /// Judges every conversation of `run` that `file` does not label yet, appending each label as it
    /// comes, so an interrupted pass continues where it stopped.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) when `file` holds labels of this run by
    ///   another labeller, since one file must not mix judges; `.io` when it cannot be read or
    ///   appended to; what the model throws.
    public func judge(_ run: RunDirectory, into file: URL) async throws -> Outcome {
        let existing = try LabelFile.read(file).filter { $0.run == nil || $0.run == run.name }
        if let other = existing.first(where: { $0.labeller != labeller }) {
            throw ConvergeError(
                .invalidParameter, "\(file.path) already holds labels of \(run.name) by '\(other.labeller)'; write this judge's labels to another file")
        }
        let done = Set(existing.map(\.conversation))
        let pending = run.conversations.filter { !done.contains($0.id) }
        var outcome = Outcome(alreadyLabelled: run.conversations.count - pending.count)
        var sampler = SamplerSettings()
        sampler.temperature = 0
        for start in stride(from: 0, to: pending.count, by: batchSize) {
            let batch = Array(pending[start..<min(start + batchSize, pending.count)])
            let requests = batch.map {
                GenerationRequest(prompt: .chat(JudgePrompt.messages(for: $0)), maxTokens: 12, sampler: sampler, stop: [], rngSeed: 0)
            }
            // Each answer is saved as it arrives: on a one-slot server the requests of a batch run
            // one after another, and an interrupted pass must keep the ones already answered.
            try await model.generate(requests) { position, reply in
                let conversation = batch[position]
                guard reply.finishReason != .error, let verdict = JudgePrompt.parse(reply.text, lastTurn: conversation.turns.count) else {
                    outcome.unanswered.append(conversation.id)
                    return
                }
                let label = ConversationLabel(
                    run: run.name, conversation: conversation.id, converged: verdict.converged, onset: verdict.onset, labeller: labeller)
                try LabelFile.append(label, to: file)
                outcome.labels.append(label)
            }
        }
        return outcome
    }
}
