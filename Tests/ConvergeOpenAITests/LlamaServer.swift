import ConvergeRun
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A `llama-server` from the project's own llama.cpp build, on 127.0.0.1 and a free port, with one
/// thread and a small context so several fit on a 2-core CI machine.
final class LlamaServer: Sendable {
    let process: Process
    let port: UInt16

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts the server and waits until `/health` answers 200.
    /// - Parameter slots: parallel sequences (`-np`); each gets `contextPerSlot` tokens.
    init(model: DefaultModels.Entry, slots: Int = 1, contextPerSlot: Int = 512) async throws {
        let prefix = try #require(
            ProcessInfo.processInfo.environment["CONVERGE_LLAMA_PREFIX"],
            "CONVERGE_LLAMA_PREFIX is not set: run the tests through scripts/test.sh (or eval \"$(scripts/setup.sh)\" first)"
        )
        let binary = URL(fileURLWithPath: prefix).appendingPathComponent("bin/llama-server")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no llama-server at \(binary.path): run scripts/setup.sh")
        let modelPath = DefaultModels.url(model).path
        try #require(FileManager.default.fileExists(atPath: modelPath), "default model missing: \(modelPath); run scripts/setup.sh")
        port = try LocalSocket.freePort()
        process = Process()
        process.executableURL = binary
        process.arguments = [
            "-m", modelPath, "--host", "127.0.0.1", "--port", String(port), "-t", "1", "-np", String(slots),
            "-c", String(slots * contextPerSlot), "--no-webui", "--no-warmup",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await waitUntilHealthy()
    }

    private func waitUntilHealthy() async throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try #require(process.isRunning, "llama-server exited during start-up (status \(process.terminationStatus))")
            if let (_, response) = try? await URLSession.shared.data(from: url.appendingPathComponent("health")),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        stop()
        Issue.record("llama-server on port \(port) was not healthy within 60 s")
        throw CancellationError()
    }

    /// Kills the server at once, as a crash or a lost node would, and waits until it is gone.
    /// (Not `waitUntilExit`: in swift-corelibs-foundation it spins a run loop off the main thread.)
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        for _ in 0..<500 where process.isRunning { usleep(10_000) }
    }

    /// Nothing of a test server is worth a graceful shutdown.
    func stop() { kill() }

    /// Runs `body` with servers started for `models`, and stops them afterwards whatever happens.
    static func with<T>(
        _ models: [DefaultModels.Entry], slots: Int = 1, _ body: ([LlamaServer]) async throws -> T
    ) async throws -> T {
        var servers: [LlamaServer] = []
        defer { servers.forEach { $0.stop() } }
        for model in models { servers.append(try await LlamaServer(model: model, slots: slots)) }
        return try await body(servers)
    }
}
