import Foundation
import Testing

/// Runs the built `converge` executable (next to the test bundle) and captures everything it prints.
enum CLIRun {
    struct Result {
        var status: Int32
        /// stdout and stderr together.
        var output: String
    }

    /// The built `converge`, for a test that must control the process itself (to kill it).
    static func binary() throws -> URL {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = [directory, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("converge") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(binary, "converge executable not found next to the tests; build with --build-tests")
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // A file, not a pipe, so a chatty run can never block on a full pipe.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("converge-cli-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return Result(status: process.terminationStatus, output: try String(contentsOf: log, encoding: .utf8))
    }
}
