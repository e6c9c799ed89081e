/// One model's share of a round: the open conversations it answers and the turn planned for each.
struct RoundBatch: Sendable {
    var agent: Agent
    var model: any LanguageModel
    /// Positions in the engine's open list, one per request.
    var speaking: [Int]
    var planned: [(request: GenerationRequest, intervention: TurnIntervention?)]

    private enum Event: Sendable {
        case delivered(batch: Int, position: Int, Generation)
        case ended(batch: Int, failure: (any Error)?)
    }

    /// Runs every batch of a round at once and hands each result to `deliver` on the caller's task,
    /// one at a time, as it arrives, so the caller's state needs no lock.
    ///
    /// When a batch fails or answers with another number of results, the other batches still run to
    /// their end and what they deliver is handed over first: a finished turn is never dropped because
    /// the other model failed. Then the first failure is thrown. When `deliver` throws, the round is
    /// cancelled and that error is thrown.
    /// - Throws: `ConvergeError` `.backend` for a result out of place, twice, or missing; what a model
    ///   or `deliver` throws.
    static func generate(
        _ batches: [RoundBatch], deliver: (RoundBatch, Int, Generation) async throws -> Void
    ) async throws {
        guard !batches.isEmpty else { return }
        let (events, sink) = AsyncStream.makeStream(of: Event.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, batch) in batches.enumerated() {
                let requests = batch.planned.map(\.request)
                group.addTask {
                    do {
                        try await batch.model.generate(requests) { position, generation in
                            sink.yield(.delivered(batch: index, position: position, generation))
                        }
                        sink.yield(.ended(batch: index, failure: nil))
                    } catch {
                        sink.yield(.ended(batch: index, failure: error))
                    }
                }
            }
            var delivered = batches.map { _ in Set<Int>() }
            // A batch that failed hands over nothing more; the first failure is the one thrown.
            var failed = batches.map { _ in false }
            var firstFailure: (any Error)?
            func fail(_ index: Int, _ error: any Error) {
                failed[index] = true
                firstFailure = firstFailure ?? error
            }
            var running = batches.count
            for await event in events {
                switch event {
                case .delivered(let index, let position, let generation):
                    let batch = batches[index]
                    guard !failed[index] else { continue }
                    guard batch.planned.indices.contains(position), delivered[index].insert(position).inserted else {
                        fail(
                            index,
                            ConvergeError(
                                .backend, "model \(batch.model.name) delivered result \(position) of a batch of \(batch.planned.count) out of place or twice"))
                        continue
                    }
                    try await deliver(batch, position, generation)
                case .ended(let index, let error):
                    let batch = batches[index]
                    if let error {
                        fail(index, error)
                    } else if !failed[index], delivered[index].count != batch.planned.count {
                        fail(index, ConvergeError.resultCount(model: batch.model.name, results: delivered[index].count, requests: batch.planned.count))
                    }
                    running -= 1
                }
                if running == 0 { break }
            }
            if let firstFailure { throw firstFailure }
        }
    }
}
