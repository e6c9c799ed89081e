import ConvergeCore
import ConvergeRun
import ConvergeStore
import Foundation
import Testing

/// How a run's schedule and threads are decided, and what a resume or merge refuses to mix.
@Suite struct RunScheduleTests {
    @Test func theDefaultPipelinesOnlyWhenBothModelsCanWorkAtOnce() {
        let local = (a: true, b: true)
        #expect(RunSchedule.resolve(asked: nil, threads: 2, openConversations: 50, inProcess: local).schedule == .pipelined)
        #expect(RunSchedule.resolve(asked: nil, threads: 1, openConversations: 50, inProcess: local).schedule == .lockstep)
        #expect(RunSchedule.resolve(asked: nil, threads: 8, openConversations: 1, inProcess: local).schedule == .lockstep)
        // An HTTP agent computes elsewhere, so one local thread is no reason to wait.
        #expect(RunSchedule.resolve(asked: nil, threads: 1, openConversations: 4, inProcess: (a: false, b: true)).schedule == .pipelined)
        #expect(RunSchedule.resolve(asked: .lockstep, threads: 8, openConversations: 50, inProcess: local).reason == "--schedule")
    }

    @Test func pipelinedInProcessModelsShareTheThreadsAndLockstepOnesEachGetAll() {
        let local = (a: true, b: true)
        for (threads, a, b) in [(2, 1, 1), (3, 2, 1), (8, 4, 4)] {
            let split = RunSchedule.resolve(asked: .pipelined, threads: threads, openConversations: 10, inProcess: local)
            #expect((split.threadsA, split.threadsB) == (a, b), "\(threads) threads")
        }
        let lockstep = RunSchedule.resolve(asked: .lockstep, threads: 3, openConversations: 10, inProcess: local)
        #expect((lockstep.threadsA, lockstep.threadsB) == (3, 3))
        let remote = RunSchedule.resolve(asked: .pipelined, threads: 2, openConversations: 10, inProcess: (a: true, b: false))
        #expect(remote.threadsA == 2)
    }

    @Test func aResumeOrMergeAcrossArithmeticIsRefused() {
        func manifest(_ arithmetic: String?) -> RunManifest {
            RunManifest(
                toolVersion: "1", llamaCppCommit: "c", createdAt: Date(), command: [], configuration: RunConfiguration(), models: [],
                backend: arithmetic.map { ["arithmetic": $0] } ?? [:], machine: .current())
        }
        #expect(ProvenanceComparison.differences(manifest("batch-invariant: x"), manifest("batch-invariant: x")).isEmpty)
        let found = ProvenanceComparison.differences(manifest("batch-invariant: x"), manifest("batch-invariant: y"))
        #expect(found.count == 1 && found[0].contains("arithmetic"))
        // A run from before the arithmetic was recorded has nothing to compare.
        #expect(ProvenanceComparison.differences(manifest(nil), manifest("batch-invariant: y")).isEmpty)
    }
}
