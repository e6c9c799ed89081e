public import ConvergeCore
public import ConvergeDetection
import ConvergeMetrics
import Foundation

/// The live detector behind an `InterventionPolicy`: the per-turn series and one of the two
/// detectors, run turn by turn for each conversation (docs/EXPERIMENTS.md, "Interventions").
public actor LiveDetectorObserver: TurnObserver {
    /// The study's rule fires, else the repetition-loop detector.
    private let usesStudyRule: Bool
    private let detectors: ConvergenceDetectors
    private let embedder: (any Embedder)?
    private var conversations: [Int: (series: TurnSeries, tracker: any ConvergenceTracker)] = [:]

    /// - Parameters:
    ///   - trigger: which detector fires: `.study`, else the loop detector.
    ///   - detectors: the thresholds of both detectors.
    ///   - embedder: the sentence embedder, needed by the study rule's cosine threshold; without
    ///     one the cosine column stays empty and never counts as below.
    public init(trigger: InterventionPolicy.Trigger, detectors: ConvergenceDetectors, embedder: (any Embedder)?) {
        usesStudyRule = trigger == .study
        self.detectors = detectors
        self.embedder = embedder
    }

    /// Builds the observer a policy asks for: its detector file or the built-in calibrated thresholds, and
    /// the embedder when the trigger is the study rule.
    /// - Throws: `ConvergeError` when the detector file or the embedding model cannot be read.
    public static func make(for policy: InterventionPolicy, threads: Int, verbose: Bool) async throws -> LiveDetectorObserver {
        var detectors = ConvergenceDetectors.calibrated
        if let path = policy.detectorFile {
            do {
                detectors = try JSONDecoder().decode(ConvergenceDetectors.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ConvergeError(.invalidParameter, "intervention.detector_file \(path) is not a readable detector file: \(error.localizedDescription)")
            }
        }
        let embedder = policy.trigger == .study ? try await EmbeddingModel.open(path: nil, threads: threads, verbose: verbose) : nil
        return LiveDetectorObserver(trigger: policy.trigger, detectors: detectors, embedder: embedder)
    }

    public func observe(_ conversation: Conversation, turn: Int, text: String) async throws -> Bool {
        if turn == 1 || conversations[conversation.index] == nil {
            let seedEmbedding = try await embed(conversation.seed)
            conversations[conversation.index] = (TurnSeries(seed: conversation.seed, embedding: seedEmbedding), freshTracker())
        }
        let embedding = try await embed(text)
        var state = conversations[conversation.index]!
        let row = state.series.append(text, embedding: embedding)
        let fired = state.tracker.append(row).converged
        if fired { state.tracker = freshTracker() }
        conversations[conversation.index] = state
        return fired
    }

    private func freshTracker() -> any ConvergenceTracker {
        usesStudyRule ? detectors.study.makeTracker() : detectors.loop.makeTracker()
    }

    private func embed(_ text: String) async throws -> TextEmbedding? {
        guard let embedder else { return nil }
        return try await TextEmbedding.embed([text], with: embedder).first
    }
}
