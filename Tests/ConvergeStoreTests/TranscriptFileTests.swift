import ConvergeCore
import ConvergeStore
import Foundation
import Testing

@Suite struct TranscriptFileTests {
    @Test func appendedTurnsReadBackWithContractFieldNames() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        let written = [record(0, 1), record(0, 2), record(1, 1, finish: .eos)]
        let file = try TranscriptFile(url: url)
        for r in written { try file.append(r) }
        #expect(try TranscriptFile.read(url) == written)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let object = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let contract = ["conversation", "seed_index", "replicate", "turn", "agent", "model", "text", "prompt_tokens", "tokens", "finish_reason"]
        #expect(Set(object.keys).isSuperset(of: contract))
        #expect(object["agent"] as? String == "A")
        #expect(object["finish_reason"] as? String == "length")
    }

    @Test func reopeningCutsAPartialLastLineAndKeepsAppending() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        try TranscriptFile(url: url).append(record(0, 1))
        try appendRaw(#"{"conversation":0,"seed_index":0,"replica"#, to: url)
        // A reader ignores the partial line; reopening for append removes it.
        #expect(try TranscriptFile.read(url) == [record(0, 1)])
        let reopened = try TranscriptFile(url: url)
        try reopened.append(record(0, 2))
        #expect(try TranscriptFile.read(url) == [record(0, 1), record(0, 2)])
        #expect(try String(contentsOf: url, encoding: .utf8).hasSuffix("}\n"))
    }

    @Test(arguments: ["\0\0\0\0\n", "{\"conversation\":0,\"seed_\n", "{\"conversation\": 0}\n"])
    func reopeningCutsACorruptLastLineThatEndsInANewline(_ corrupt: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        try TranscriptFile(url: url).append(record(0, 1))
        try appendRaw(corrupt, to: url)
        let reopened = try TranscriptFile(url: url)
        try reopened.append(record(0, 2))
        #expect(try TranscriptFile.read(url) == [record(0, 1), record(0, 2)])
    }

    @Test func aCorruptLineBeforeTheLastIsNeverCut() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        let file = try TranscriptFile(url: url)
        try file.append(record(0, 1))
        try file.append(record(0, 2))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        try (lines[0] + "\nnot a turn\n" + lines[1] + "\n").write(to: url, atomically: true, encoding: .utf8)
        _ = try TranscriptFile(url: url)
        #expect(throws: ConvergeError.self) { try TranscriptFile.read(url) }
    }

    @Test func aBrokenCompleteLineIsReportedWithItsNumber() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        try TranscriptFile(url: url).append(record(0, 1))
        try appendRaw("{\"conversation\": 0}\n", to: url)
        do {
            _ = try TranscriptFile.read(url)
            Issue.record("a line without the contract fields must not read as a turn")
        } catch let error as ConvergeError {
            #expect(error.code == .transcript)
            #expect(error.message.contains("line 2"))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func rewriteReplacesTheContent() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("transcript.jsonl")
        let file = try TranscriptFile(url: url)
        for turn in 1...3 { try file.append(record(0, turn)) }
        try TranscriptFile.rewrite(url, with: [record(0, 1)])
        #expect(try TranscriptFile.read(url) == [record(0, 1)])
    }

    @Test func missingTranscriptIsATranscriptError() {
        #expect {
            try TranscriptFile.read(URL(fileURLWithPath: "/nonexistent/transcript.jsonl"))
        } throws: { ($0 as? ConvergeError)?.code == .transcript }
    }
}

/// Appends bytes as a crash or another tool might leave them.
private func appendRaw(_ text: String, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
}
