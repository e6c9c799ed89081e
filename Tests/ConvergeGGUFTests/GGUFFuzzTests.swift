import Foundation
import Testing

@testable import ConvergeGGUF

/// Mutated headers of a real model: each must parse cleanly or fail with one line, never crash.
/// Deterministic (fixed seed), so a failure names a case that can be replayed.
@Suite(.timeLimit(.minutes(3))) struct GGUFFuzzTests {
    static let cases = 500

    @Test func mutatedRealHeadersNeverCrash() throws {
        let model = try #require(FuzzModel.header, "SmolLM2 is not installed; run scripts/setup.sh")
        var random = SeededRandom(seed: 0x13_6611)
        var rejected = 0
        var reasons = Set<String>()
        for index in 0..<Self.cases {
            let mutant = GGUFMutation.apply(to: model.prefix, header: model.parsed, random: &random)
            do {
                _ = try mutant.withUnsafeBytes { try GGUFHeader(bytes: $0, fileSize: model.fileSize) }
            } catch let error as GGUFFormatError {
                rejected += 1
                #expect(!error.description.contains("\n"), "case \(index): \(error)")
                reasons.insert(String(error.reason.prefix(while: { !$0.isNumber && $0 != "'" })))
            }
        }
        // The mutations must reach the structure, not only the text of tokens.
        #expect(rejected >= Self.cases / 4, "only \(rejected) of \(Self.cases) mutants were rejected")
        #expect(reasons.count >= 8, "rejections were not varied: \(reasons.sorted())")
    }
}

/// The installed SmolLM2's header: the bytes before its tensor data, and the file's size.
enum FuzzModel {
    static var url: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["CONVERGE_CACHE"].map { URL(fileURLWithPath: $0) }
            ?? environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent("converge") }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/converge")
        return cache.appendingPathComponent("models/SmolLM2-135M-Instruct.Q4_1-b179c952.gguf")
    }

    static let header: (prefix: Data, parsed: GGUFHeader, fileSize: UInt64)? = {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped),
            let parsed = try? data.withUnsafeBytes({ try GGUFHeader(bytes: $0, fileSize: UInt64($0.count)) })
        else { return nil }
        return (Data(data.prefix(Int(parsed.dataOffset))), parsed, UInt64(data.count))
    }()
}
