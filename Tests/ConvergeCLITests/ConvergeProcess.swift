import Foundation
import Testing

/// The built `converge` executable, run as a subprocess. It sits next to the test bundle in the
/// build products directory (`swift build --build-tests` builds it); `CONVERGE_BIN` overrides.
enum ConvergeBinary {
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["CONVERGE_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return candidates.map { $0.appendingPathComponent("converge") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}

/// One finished `converge` invocation.
struct ConvergeResult {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String
    /// Non-empty stderr lines.
    var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }
}

/// A running `converge`, with its output captured in files (no pipe can fill up and block it).
final class ConvergeProcess {
    let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    /// - Parameter environment: variables added to the test's own, as a batch scheduler sets them.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let binary = try #require(ConvergeBinary.url, "the converge executable was not found next to the test bundle; build with `swift build --build-tests`")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("converge-cli-\(UUID())")
        stdoutURL = scratch.appendingPathExtension("out")
        stderrURL = scratch.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// What the process has written to stdout so far, while it runs.
    var stdoutSoFar: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// Waits for the process; a hang past `timeout` kills it and fails the test.
    func finish(timeout: TimeInterval = 240) async throws -> ConvergeResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                signal(SIGKILL)
                process.waitUntilExit()
                Issue.record("converge \(process.arguments ?? []) hung for \(timeout) s")
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        return ConvergeResult(
            status: process.terminationStatus, reason: process.terminationReason,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
    }
}

/// Runs `converge` to completion.
func converge(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 240) async throws -> ConvergeResult {
    try await ConvergeProcess(arguments, environment: environment).finish(timeout: timeout)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ label: String = "run") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-cli-\(label)-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
