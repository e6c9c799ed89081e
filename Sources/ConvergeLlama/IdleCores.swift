import Foundation

/// How many cores sit idle right now, measured over a short window from `/proc/stat`.
///
/// The 1-minute load average lags: right after a build it stays above 1 for a minute or more, so a
/// default read from it picked 1 thread on an idle 2-core machine (BENCHMARKS.md, "Threads and OpenMP").
/// Two snapshots of the kernel's CPU counters 200 ms apart say what the cores are doing now.
public struct IdleCores: Sendable, Equatable {
    /// Idle core-equivalents over the window, from 0 to the core count.
    public var idle: Double
    public var cores: Int
    /// How the figure was obtained, recorded in `run.json`.
    public var method: String

    public init(idle: Double, cores: Int, method: String) {
        self.idle = idle
        self.cores = cores
        self.method = method
    }

    /// Measures now; falls back to the load average where `/proc/stat` does not exist (macOS).
    /// - Parameter window: seconds between the two snapshots.
    public static func measure(window: Double = 0.2) -> IdleCores {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let first = cpuTimes(), let ownFirst = ownTicks() {
            Thread.sleep(forTimeInterval: window)
            if let second = cpuTimes(), let ownSecond = ownTicks(), second.total > first.total {
                let fraction = idleShare(
                    idle: second.idle - first.idle, own: ownSecond - ownFirst, total: second.total - first.total)
                let method = "/proc/stat over \(Int(window * 1000)) ms, this process's own work counted idle"
                return IdleCores(idle: fraction * Double(cores), cores: cores, method: method)
            }
        }
        let loadText = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        let load = loadText.split(separator: " ").first.flatMap { Double($0) } ?? 0
        return IdleCores(idle: max(Double(cores) - load, 0), cores: cores, method: "1-minute load average")
    }

    /// Threads to decode with: one per core that is at least 75% idle, at least 1 and at most 8.
    /// Measured on 2 cores: idle, 2 threads decode 1.4–1.9× faster than 1; with one core busy,
    /// 2 threads fall to a third of what 1 thread keeps, so a core counts only when nearly free.
    public var threads: Int { min(max(Int((idle + 0.25).rounded(.down)), 1), 8) }

    /// One line for provenance, e.g. `1.96 of 2 cores idle (/proc/stat over 200 ms)`.
    public var reason: String { String(format: "%.2f of %d cores idle (%@)", idle, cores, method) }

    /// The share of the window the cores were free for a run: idle time plus this process's own work.
    /// The measurement can run while the same process hashes or loads its models on another thread, and
    /// that work must not make the run think its own cores are taken (it chose 1 thread on an idle
    /// machine right after `scripts/paper.sh`'s build).
    static func idleShare(idle: UInt64, own: UInt64, total: UInt64) -> Double {
        guard total > 0 else { return 0 }
        return min(Double(idle + own) / Double(total), 1)
    }

    /// User plus system ticks of this process so far, from `/proc/self/stat` (the same clock ticks as
    /// `/proc/stat`).
    private static func ownTicks() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After the command name: state is field 3, utime field 14 and stime field 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return user + system
    }

    /// The aggregate `cpu` line of `/proc/stat`: idle (idle + iowait) and total jiffies.
    private static func cpuTimes() -> (idle: UInt64, total: UInt64)? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard fields.count >= 5 else { return nil }
        // Guest time is already counted inside user and nice, so only the first eight fields add up.
        return (fields[3] + fields[4], fields.prefix(8).reduce(0, +))
    }
}
