public import ConvergeCore

/// What a transcript already holds for a run's plan, for `--resume`.
public enum ResumeState {
    /// Fills each planned conversation's outputs from the recorded turns.
    ///
    /// Only the leading run of successful turns 1, 2, … counts: a turn recorded as failed, and
    /// anything after a gap, is generated again. Duplicates of one turn (impossible with this tool's
    /// writer, possible in a hand-merged file) keep the first.
    /// - Throws: `ConvergeError` when a record names a conversation outside the plan or its seed
    ///   index disagrees with the plan (the transcript belongs to another run).
    public static func apply(_ records: [TurnRecord], to plan: [Conversation]) throws -> [Conversation] {
        var byConversation: [Int: [Int: TurnRecord]] = [:]
        for record in records where record.finishReason != .error {
            guard plan.indices.contains(record.conversation),
                plan[record.conversation].seedIndex == record.seedIndex,
                plan[record.conversation].replicate == record.replicate
            else {
                throw ConvergeError(
                    .resume,
                    "transcript has conversation \(record.conversation) (seed \(record.seedIndex), replicate \(record.replicate)) that this run does not plan; is --out the right directory?"
                )
            }
            if byConversation[record.conversation]?[record.turn] == nil {
                byConversation[record.conversation, default: [:]][record.turn] = record
            }
        }
        return plan.map { conversation in
            var resumed = conversation
            let turns = byConversation[conversation.index] ?? [:]
            var turn = 1
            while let record = turns[turn] {
                resumed.outputs.append(record.text)
                turn += 1
            }
            return resumed
        }
    }

    /// The records to keep in a rewritten transcript: exactly those `apply` used, in file order.
    public static func kept(_ records: [TurnRecord], plan: [Conversation]) -> [TurnRecord] {
        let resumed = (try? apply(records, to: plan)) ?? plan
        var seen = Set<[Int]>()
        return records.filter { record in
            guard record.finishReason != .error, plan.indices.contains(record.conversation),
                record.turn <= resumed[record.conversation].outputs.count
            else { return false }
            return seen.insert([record.conversation, record.turn]).inserted
        }
    }
}
