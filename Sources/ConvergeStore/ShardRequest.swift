import ConvergeCore

/// What `--shard` asks for: a fixed part `i/n`, or `auto` (`auto/N`), the part a batch scheduler
/// assigned to this task through its environment.
public enum ShardRequest: Sendable, Equatable {
    case fixed(Shard)
    /// The count, when given as `auto/N`; Kubernetes needs it, Slurm states it itself.
    case auto(count: Int?)

    /// Parses `i/n`, `auto` or `auto/N`.
    /// - Throws: `ConvergeError` for anything else.
    public init(parsing text: String) throws {
        guard text == "auto" || text.hasPrefix("auto/") else {
            self = .fixed(try Shard(parsing: text))
            return
        }
        guard text != "auto" else {
            self = .auto(count: nil)
            return
        }
        guard let count = Int(text.dropFirst("auto/".count)), count >= 1 else {
            throw ConvergeError(.invalidParameter, "--shard auto/N needs a whole number N ≥ 1 (got '\(text)')", value: text)
        }
        self = .auto(count: count)
    }
}
