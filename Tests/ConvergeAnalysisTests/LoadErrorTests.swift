import ConvergeAnalysis
import ConvergeCore
import ConvergeStore
import Foundation
import Testing

@Suite struct LoadErrorTests {
    private func directory(transcript: String?) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-analysis-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if let transcript { try Data(transcript.utf8).write(to: url.appendingPathComponent("transcript.jsonl")) }
        return url
    }

    private func line(_ record: TurnRecord) throws -> String {
        String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
    }

    @Test func missingDirectory() {
        let text = thrownMessage { _ = try RunDirectory.load(URL(fileURLWithPath: "/nonexistent/run-\(UUID())")) }
        #expect(text?.contains("does not exist") == true)
    }

    @Test func missingTranscript() throws {
        let url = try directory(transcript: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(thrownMessage { _ = try RunDirectory.load(url) }?.contains("has no transcript.jsonl") == true)
    }

    @Test func emptyTranscript() throws {
        let url = try directory(transcript: "\n \n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(thrownMessage { _ = try RunDirectory.load(url) }?.hasSuffix("transcript.jsonl has no turns") == true)
    }

    @Test func brokenLineIsNamed() throws {
        let records = SyntheticRun.records(conversations: 1, seedField: true)
        let url = try directory(transcript: try line(records[0]) + "\n{\"conversation\": 0, oops\n" + (try line(records[1])) + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(thrownMessage { _ = try RunDirectory.load(url) }?.contains("line 2 is not a valid turn") == true)
    }

    @Test func unterminatedLastLineCountsWhenWhole() throws {
        let records = SyntheticRun.records(conversations: 1, seedField: true).prefix(2)
        let url = try directory(transcript: try line(records.first!) + "\n" + (try line(records.last!)))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try RunDirectory.load(url).conversations[0].turns.count == 2)
    }

    @Test(arguments: [
        ("duplicate", "conversation 0 has turn 2 twice"),
        ("gap", "conversation 0 is missing turn 2"),
        ("failed", "conversation 0 turn 2 failed during the run"),
        ("no seed", "conversation 0 has no seed"),
    ])
    func conversationProblemsAreNamed(_ problem: String, _ expected: String) throws {
        var records = SyntheticRun.records(conversations: 1, seedField: problem != "no seed")
        switch problem {
        case "duplicate": records.append(records[1])
        case "gap": records.remove(at: 1)
        case "failed": records[1].finishReason = .error
        default: break
        }
        let url = try directory(transcript: try records.map(line).joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(thrownMessage { _ = try RunDirectory.load(url) }?.contains(expected) == true)
    }

    @Test func seedIndexOutsideRunJSON() throws {
        var records = SyntheticRun.records(conversations: 1)
        for index in records.indices { records[index].seedIndex = 7 }
        let url = try SyntheticRun.write(records)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(thrownMessage { _ = try RunDirectory.load(url) }?.contains("seed_index 7 but run.json lists 3 seeds") == true)
    }
}
