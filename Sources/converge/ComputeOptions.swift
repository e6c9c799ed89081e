public import ArgumentParser
import ConvergeCore
import ConvergeRun

extension EngineSchedule: ExpressibleByArgument {}

/// How the commands that generate (`run`, `experiment`, `branch`) use this machine: threads and the
/// engine schedule. Neither changes a text (docs/INVARIANCE.md).
struct ComputeOptions: ParsableArguments {
    @Option(help: "llama.cpp threads in all (default: the cores measured idle over 200 ms at start, 1 to 8).")
    var threads: Int?
    @Option(
        help: """
            lockstep: one model at a time, each with every thread; pipelined: both models at once on \
            conversations a turn apart, sharing the threads. Default: pipelined when at least two \
            conversations are open and each in-process model can have a thread of its own (or an agent \
            is an HTTP server), else lockstep. Texts are the same either way.
            """)
    var schedule: EngineSchedule?

    var threadCount: Int { threads ?? LlamaThreads.default }
    /// Why `threadCount` is what it is, for run.json.
    var threadsReason: String { threads == nil ? "default: " + LlamaThreads.defaultReason : "--threads" }
}
