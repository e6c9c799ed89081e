import ConvergeCore

extension Shard {
    /// The shard a batch scheduler assigned to this task.
    ///
    /// - Slurm job arrays: `SLURM_ARRAY_TASK_ID` with `SLURM_ARRAY_TASK_COUNT`, or with
    ///   `SLURM_ARRAY_TASK_MIN` and `SLURM_ARRAY_TASK_MAX`; i = ID − MIN when MIN is set, so that
    ///   `--array=1-3` works. An array with a step or gaps (`--array=0-8:2`, `1,4`) numbers its tasks
    ///   in a way no shard split can follow, and is refused.
    /// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX`, with the count from `--shard auto/N`
    ///   (Kubernetes does not put `completions` in the environment).
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - count: N from `--shard auto/N`; when Slurm also states it, the two must agree.
    /// - Throws: `ConvergeError` `.invalidParameter`, one line naming the variable at fault.
    public static func fromEnvironment(_ environment: [String: String], count: Int?) throws -> Shard {
        // A variable set to nothing, as `export SLURM_ARRAY_TASK_ID=` leaves it, is not set.
        let environment = environment.filter { !$0.value.isEmpty }
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            return try slurm(id: try number("SLURM_ARRAY_TASK_ID", id), environment, count: count)
        }
        if let index = environment["JOB_COMPLETION_INDEX"] {
            let index = try number("JOB_COMPLETION_INDEX", index)
            guard let count else {
                throw ConvergeError(
                    .invalidParameter, "JOB_COMPLETION_INDEX=\(index) gives the index but not the count; use --shard auto/N with N the Job's completions")
            }
            return try checked(index, count, from: "JOB_COMPLETION_INDEX=\(index) with --shard auto/\(count)")
        }
        throw ConvergeError(
            .invalidParameter,
            "--shard auto found no task index: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard i/n outside a scheduler"
        )
    }

    private static func slurm(id: Int, _ environment: [String: String], count: Int?) throws -> Shard {
        let stated = try environment["SLURM_ARRAY_TASK_COUNT"].map { try number("SLURM_ARRAY_TASK_COUNT", $0) }
        let minimum = try environment["SLURM_ARRAY_TASK_MIN"].map { try number("SLURM_ARRAY_TASK_MIN", $0) }
        let maximum = try environment["SLURM_ARRAY_TASK_MAX"].map { try number("SLURM_ARRAY_TASK_MAX", $0) }
        var index = id
        var total = stated
        switch (minimum, maximum) {
        case let (minimum?, maximum?):
            let span = maximum - minimum + 1
            if let stated, stated != span {
                throw ConvergeError(
                    .invalidParameter,
                    "SLURM_ARRAY_TASK_COUNT=\(stated) but MIN=\(minimum) and MAX=\(maximum) span \(span) tasks: an array with a step or gaps cannot be split into shards; use --array=0-\(stated - 1)"
                )
            }
            index = id - minimum
            total = span
        case (nil, nil):
            break
        default:
            throw ConvergeError(
                .invalidParameter,
                "SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_MAX must be set together (got MIN=\(minimum.map { "\($0)" } ?? "unset"), MAX=\(maximum.map { "\($0)" } ?? "unset"))"
            )
        }
        guard let total else {
            throw ConvergeError(
                .invalidParameter,
                "SLURM_ARRAY_TASK_ID=\(id) is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN/MAX: this is not a job array task")
        }
        if let count, count != total {
            throw ConvergeError(.invalidParameter, "--shard auto/\(count) contradicts the Slurm array of \(total) tasks; use --shard auto")
        }
        return try checked(index, total, from: "SLURM_ARRAY_TASK_ID=\(id) in an array of \(total)")
    }

    private static func number(_ name: String, _ text: String) throws -> Int {
        guard let value = Int(text) else {
            throw ConvergeError(.invalidParameter, "\(name) is '\(text)', not a whole number", value: text)
        }
        return value
    }

    private static func checked(_ index: Int, _ count: Int, from source: String) throws -> Shard {
        guard count >= 1, (0..<count).contains(index) else {
            throw ConvergeError(.invalidParameter, "\(source) gives shard \(index)/\(count), outside 0..<\(count)")
        }
        return try Shard(index: index, count: count)
    }

    /// The directory a `--shard auto` task writes under the shared root: `shard-i-of-n`.
    public var directoryName: String { "shard-\(index)-of-\(count)" }

    /// The shard a `shard-i-of-n` directory name stands for; nil for any other name.
    public init?(directoryName name: String) {
        let parts = name.split(separator: "-")
        guard parts.count == 4, parts[0] == "shard", parts[2] == "of",
            let index = Int(parts[1]), let count = Int(parts[3]), let shard = try? Shard(index: index, count: count)
        else { return nil }
        self = shard
    }
}
