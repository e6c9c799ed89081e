import ConvergeCore
import ConvergeLlama
import Foundation
import Testing

/// Bad model files give a `ConvergeError` with code `.modelFile`, never a crash.
@Suite(.timeLimit(.minutes(1))) struct ModelFileErrorTests {
    private func expectModelFileError(_ url: URL, mentioning fragment: String) {
        do {
            _ = try LlamaModel(url: url)
            Issue.record("\(url.path) loaded")
        } catch let error as ConvergeError {
            #expect(error.code == .modelFile)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    private func temporaryFile(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-bad-\(UUID()).gguf")
        try data.write(to: url)
        return url
    }

    @Test func missingPath() {
        expectModelFileError(URL(fileURLWithPath: "/nonexistent/model.gguf"), mentioning: "/nonexistent/model.gguf")
    }

    @Test func aDirectory() {
        expectModelFileError(FileManager.default.temporaryDirectory, mentioning: FileManager.default.temporaryDirectory.path)
    }

    @Test func notGGUF() throws {
        let url = try temporaryFile(Data("this is a text file, not a model\n".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        expectModelFileError(url, mentioning: "not a GGUF")
    }

    @Test func emptyFile() throws {
        let url = try temporaryFile(Data())
        defer { try? FileManager.default.removeItem(at: url) }
        expectModelFileError(url, mentioning: url.path)
    }

    @Test func ggufMagicFollowedByGarbage() throws {
        let url = try temporaryFile(Data("GGUF".utf8) + Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }))
        defer { try? FileManager.default.removeItem(at: url) }
        expectModelFileError(url, mentioning: url.path)
    }

    @Test(arguments: [1 << 20, 64 << 10])
    func truncatedGGUF(bytes: Int) throws {
        let source = try FileHandle(forReadingFrom: TestModels.smolURL)
        let head = try source.read(upToCount: bytes) ?? Data()
        try source.close()
        #expect(head.count == bytes)
        let url = try temporaryFile(head)
        defer { try? FileManager.default.removeItem(at: url) }
        expectModelFileError(url, mentioning: "truncated or corrupt")
    }
}
