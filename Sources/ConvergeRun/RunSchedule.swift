public import ConvergeCore

/// The engine schedule of one run and the llama.cpp threads of each in-process model, decided once
/// before the models load and recorded in `run.json`.
public struct RunSchedule: Sendable, Equatable {
    public var schedule: EngineSchedule
    /// Threads of agent A's and agent B's in-process context; unused for an HTTP agent.
    public var threadsA: Int
    public var threadsB: Int
    /// Why: the option given, or the rule behind the default.
    public var reason: String

    /// Resolves the schedule and splits the threads.
    ///
    /// Pipelined, two in-process models share the threads (A, which speaks first, gets the odd one):
    /// together they use what lockstep gives each in turn, so the machine is never asked for more.
    /// The default pipelines whenever both models can work at once: at least two conversations are
    /// open, and either an agent is served over HTTP or there are two threads or more to share
    /// (BENCHMARKS.md, "Pipelining the two agents").
    /// - Parameters:
    ///   - asked: `--schedule`; nil for the default.
    ///   - threads: the run's llama.cpp threads.
    ///   - openConversations: how many conversations the run can have open at once.
    ///   - inProcess: whether agent A and agent B run in this process.
    public static func resolve(asked: EngineSchedule?, threads: Int, openConversations: Int, inProcess: (a: Bool, b: Bool)) -> RunSchedule {
        let (schedule, reason): (EngineSchedule, String)
        if let asked {
            (schedule, reason) = (asked, "--schedule")
        } else if openConversations < 2 {
            (schedule, reason) = (.lockstep, "default: one conversation open at a time, so the two models cannot overlap")
        } else if inProcess.a && inProcess.b && threads < 2 {
            (schedule, reason) = (.lockstep, "default: one thread, too few to give each in-process model its own")
        } else {
            (schedule, reason) = (.pipelined, "default: both models can work at once")
        }
        guard schedule == .pipelined, inProcess.a, inProcess.b else {
            return RunSchedule(schedule: schedule, threadsA: threads, threadsB: threads, reason: reason)
        }
        return RunSchedule(schedule: schedule, threadsA: (threads + 1) / 2, threadsB: max(1, threads / 2), reason: reason)
    }

    /// The `run.json` backend entries.
    var provenance: [String: String] {
        ["schedule": schedule.rawValue, "schedule_reason": reason, "threads_a": String(threadsA), "threads_b": String(threadsB)]
    }
}
