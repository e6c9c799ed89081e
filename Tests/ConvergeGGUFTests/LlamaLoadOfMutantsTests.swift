import Foundation
import Testing

@testable import ConvergeGGUF

/// Mutants that pass the header check go on to llama.cpp, so llama.cpp must survive them: each is
/// loaded by the real `converge` in a child process, which must exit with a message, not a signal.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LlamaLoadOfMutantsTests {
    static let files = 6

    @Test func acceptedMutantsNeverCrashLlamaCpp() async throws {
        let model = try #require(FuzzModel.header, "SmolLM2 is not installed; run scripts/setup.sh")
        let scratch = try Scratch()
        var random = SeededRandom(seed: 0x1A_4A)
        var loaded = 0
        while loaded < Self.files {
            let mutant = GGUFMutation.apply(to: model.prefix, header: model.parsed, random: &random)
            guard mutant != model.prefix, mutant.count == model.prefix.count,
                (try? mutant.withUnsafeBytes({ try GGUFHeader(bytes: $0, fileSize: model.fileSize) })) != nil
            else { continue }
            let result = try await scratch.load(header: mutant, prefixLength: model.prefix.count)
            #expect(result.reason == .exit && result.status == 64, "mutant \(loaded): \(result)")
            loaded += 1
        }
    }

    /// Found by the test above before strings were checked for NUL: llama.cpp reads token texts as C
    /// strings, "Ġdel\0\0\0\0ion" became a second "Ġdel", and its vocabulary loader aborted with
    /// `GGML_ASSERT(id_to_token.size() == token_to_id.size())`.
    @Test func aNulInATokenIsStoppedBeforeLlamaCppAborts() async throws {
        let model = try #require(FuzzModel.header, "SmolLM2 is not installed; run scripts/setup.sh")
        var mutant = model.prefix
        let token = try #require(mutant.range(of: Data("Ġdelegation".utf8)))
        let cut = mutant.index(token.lowerBound, offsetBy: "Ġdel".utf8.count)
        mutant.replaceSubrange(cut..<mutant.index(cut, offsetBy: 4), with: Data(count: 4))
        let result = try await Scratch().load(header: mutant, prefixLength: model.prefix.count)
        #expect(result.reason == .exit && result.status == 64, "\(result)")
        #expect(result.stderr.contains("holds a NUL byte") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}

/// A directory for mutated model files, and `converge embed` to load one: it checks the file, has
/// llama.cpp load it, then refuses it as not an embedding model, so a survivor exits 64.
private final class Scratch {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-mutants-\(UUID())")
    let input: URL

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        input = directory.appendingPathComponent("in.jsonl")
        try Data("{\"text\":\"x\"}\n".utf8).write(to: input)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func load(header: Data, prefixLength: Int) async throws -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        let converge = try #require(Self.convergeBinary, "build with `swift build --build-tests` first")
        let file = directory.appendingPathComponent("mutant.gguf")
        let weights = try Data(contentsOf: FuzzModel.url, options: .alwaysMapped).dropFirst(prefixLength)
        try (header + weights).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let errors = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = converge
        process.arguments = ["embed", "--threads", "1", "--model", file.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        // ggml's abort would attach gdb for a backtrace, which can hang; an abort must just end it.
        process.environment = ProcessInfo.processInfo.environment.merging(["GGML_NO_BACKTRACE": "1", "SWIFT_BACKTRACE": "enable=no"]) { $1 }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// The `converge` built next to this test bundle, or `CONVERGE_BIN`.
    static let convergeBinary: URL? = {
        if let path = ProcessInfo.processInfo.environment["CONVERGE_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return [Bundle.main.bundleURL.deletingLastPathComponent(), URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            .map { $0.appendingPathComponent("converge") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
