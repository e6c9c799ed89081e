import ConvergeCore
public import ConvergeStore
public import Foundation

/// Where a run or experiment writes, given `--shard` and `--out`.
///
/// With an explicit `i/n`, `--out` is the run directory, as it always was. With `auto`, `--out` is the
/// root every task of a job array shares, and this task writes `ROOT/shard-i-of-n/`: tasks never
/// share a directory, and `converge merge ROOT` finds them all.
public struct ShardPlacement: Sendable, Equatable {
    public var shard: Shard?
    public var output: URL
    /// Whether the shard came from the scheduler (`--shard auto`).
    public var isAuto: Bool

    /// - Parameters:
    ///   - text: the `--shard` value, if any.
    ///   - out: the `--out` directory, if given.
    ///   - fallback: the run directory when `--out` is not given; `auto` needs `--out`.
    ///   - environment: the process environment, read only for `auto`.
    /// - Throws: `ConvergeError` `.invalidParameter` for a malformed `--shard`, `auto` without
    ///   `--out`, or an environment that names no shard or names it inconsistently.
    public init(_ text: String?, out given: URL?, fallback: URL, environment: [String: String]) throws {
        let out = given ?? fallback
        switch try text.map(ShardRequest.init(parsing:)) {
        case nil:
            self.init(shard: nil, output: out, isAuto: false)
        case .fixed(let shard):
            self.init(shard: shard, output: out, isAuto: false)
        case .auto(let count):
            guard given != nil else {
                throw ConvergeError(.invalidParameter, "--shard auto needs --out ROOT, the directory every task of the array writes under")
            }
            let shard = try Shard.fromEnvironment(environment, count: count)
            self.init(shard: shard, output: out.appendingPathComponent(shard.directoryName), isAuto: true)
        }
    }

    public init(shard: Shard?, output: URL, isAuto: Bool) {
        self.shard = shard
        self.output = output
        self.isAuto = isAuto
    }
}
