import ConvergeCore
import ConvergeStore
import Testing

/// `--shard auto` as each scheduler sets its variables, and the environments it must refuse.
@Suite struct ShardEnvironmentTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var environment: [String: String]
        var count: Int?
        var expected: (index: Int, count: Int)?
        var testDescription: String { label }
    }

    static let accepted: [Case] = [
        Case(label: "Slurm --array=0-2", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"], expected: (1, 3)),
        Case(
            label: "Slurm --array=0-2 with MIN and MAX",
            environment: [
                "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "2",
            ], expected: (2, 3)),
        Case(
            label: "Slurm --array=1-3 counts from MIN",
            environment: [
                "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "3",
            ], expected: (0, 3)),
        Case(label: "Slurm with a matching auto/N", environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"], count: 4, expected: (0, 4)),
        Case(label: "Kubernetes Indexed Job", environment: ["JOB_COMPLETION_INDEX": "4"], count: 5, expected: (4, 5)),
    ]

    static let refused: [Case] = [
        Case(label: "no scheduler", environment: [:]),
        Case(label: "variables set to nothing", environment: ["SLURM_ARRAY_TASK_ID": "", "JOB_COMPLETION_INDEX": ""], count: 2),
        Case(label: "Slurm job that is not an array", environment: ["SLURM_ARRAY_TASK_ID": "0"]),
        Case(
            label: "Slurm array with a step",
            environment: [
                "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "4",
            ]),
        Case(label: "Slurm MIN without MAX", environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1"]),
        Case(label: "Slurm ID past the count", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3"]),
        Case(label: "Slurm ID that is not a number", environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "3"]),
        Case(label: "Slurm count contradicting auto/N", environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"], count: 4),
        Case(label: "Kubernetes without auto/N", environment: ["JOB_COMPLETION_INDEX": "0"]),
        Case(label: "Kubernetes index past auto/N", environment: ["JOB_COMPLETION_INDEX": "2"], count: 2),
    ]

    @Test(arguments: accepted)
    func schedulerVariablesNameTheShard(_ c: Case) throws {
        let expected = try #require(c.expected)
        #expect(try Shard.fromEnvironment(c.environment, count: c.count) == Shard(index: expected.index, count: expected.count))
    }

    @Test(arguments: refused)
    func missingOrInconsistentVariablesAreOneLine(_ c: Case) {
        let error = #expect(throws: ConvergeError.self) { try Shard.fromEnvironment(c.environment, count: c.count) }
        #expect(error?.code == .invalidParameter && error?.message.contains("\n") == false)
    }

    @Test func requestsAndDirectoryNames() throws {
        #expect(try ShardRequest(parsing: "auto") == .auto(count: nil))
        #expect(try ShardRequest(parsing: "auto/3") == .auto(count: 3))
        #expect(try ShardRequest(parsing: "1/3") == .fixed(Shard(index: 1, count: 3)))
        for bad in ["auto/0", "auto/x", "auto/", "automatic"] {
            #expect(throws: ConvergeError.self) { try ShardRequest(parsing: bad) }
        }
        let shard = try Shard(index: 2, count: 7)
        #expect(shard.directoryName == "shard-2-of-7" && Shard(directoryName: shard.directoryName) == shard)
        for other in ["shard-7-of-7", "shard-1-of", "run", "shard-a-of-2"] { #expect(Shard(directoryName: other) == nil) }
    }
}
