@testable import ConvergeGGUF
import Foundation
import Testing

/// Mutants that pass the header check go on to llama.cpp, so llama.cpp must survive them: each is
/// loaded by the real `converge` in a child process, which must exit with a message, not a signal.
@Suite(.serialized, .timeLimit(.minutes(3))) struct LlamaLoadOfMutantsTests {
    static let files = 6

    @Test func acceptedMutantsNeverCrashLlamaCpp() throws {
        let model = try #require(FuzzModel.header, "SmolLM2 is not installed; run scripts/setup.sh")
        let converge = try #require(Self.convergeBinary, "build with `swift build --build-tests` first")
        let weights = try Data(contentsOf: FuzzModel.url, options: .alwaysMapped).dropFirst(model.prefix.count)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-mutants-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.jsonl")
        try Data("{\"text\":\"x\"}\n".utf8).write(to: input)
        var random = SeededRandom(seed: 0x1A_4A)
        var loaded = 0
        while loaded < Self.files {
            let mutant = GGUFMutation.apply(to: model.prefix, header: model.parsed, random: &random)
            guard mutant != model.prefix, mutant.count == model.prefix.count,
                  (try? mutant.withUnsafeBytes({ try GGUFHeader(bytes: $0, fileSize: model.fileSize) })) != nil
            else { continue }
            let file = directory.appendingPathComponent("mutant-\(loaded).gguf")
            try (mutant + weights).write(to: file)
            let process = Process()
            process.executableURL = converge
            process.arguments = ["embed", "--threads", "1", "--model", file.path, input.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "llama.cpp crashed on mutant \(loaded) with signal \(process.terminationStatus)")
            try FileManager.default.removeItem(at: file)
            loaded += 1
        }
    }

    /// The `converge` built next to this test bundle, or `CONVERGE_BIN`.
    static let convergeBinary: URL? = {
        if let path = ProcessInfo.processInfo.environment["CONVERGE_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return [Bundle.main.bundleURL.deletingLastPathComponent(), URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            .map { $0.appendingPathComponent("converge") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
