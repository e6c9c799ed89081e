import Foundation
import Testing

/// `transcript.jsonl` as outside scripts see it: one JSON object per line.
struct TranscriptLine: Decodable, Equatable {
    let conversation: Int
    let seedIndex: Int
    let replicate: Int
    let turn: Int
    let agent: String
    let model: String
    let text: String
    let promptTokens: Int
    let tokens: Int
    let finishReason: String

    enum CodingKeys: String, CodingKey {
        case conversation, replicate, turn, agent, model, text, tokens
        case seedIndex = "seed_index"
        case promptTokens = "prompt_tokens"
        case finishReason = "finish_reason"
    }
}

enum Transcript {
    static let contractFields: Set<String> = [
        "conversation", "seed_index", "replicate", "turn", "agent", "model", "text", "prompt_tokens", "tokens", "finish_reason",
    ]

    /// Complete lines written so far.
    static func lineCount(_ directory: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("transcript.jsonl").path) else { return 0 }
        return data.filter { $0 == UInt8(ascii: "\n") }.count
    }

    /// Every line, each of which must be a complete contract object; the file must end with a newline.
    static func read(_ directory: URL) throws -> [TranscriptLine] {
        let data = try Data(contentsOf: directory.appendingPathComponent("transcript.jsonl"))
        #expect(data.last == UInt8(ascii: "\n"), "transcript does not end with a complete line")
        var lines: [TranscriptLine] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], "line \(number + 1)")
            #expect(contractFields.isSubset(of: Set(object.keys)), "line \(number + 1) lacks \(contractFields.subtracting(object.keys))")
            lines.append(try JSONDecoder().decode(TranscriptLine.self, from: Data(line)))
        }
        return lines
    }

    /// Checks a finished run: every planned turn exactly once, in alternation, within the token limit.
    static func expectComplete(_ lines: [TranscriptLine], conversations: Int, turns: Int, maxTokens: Int) {
        #expect(lines.count == conversations * turns)
        let keys = lines.map { [$0.conversation, $0.turn] }
        #expect(Set(keys).count == keys.count, "a turn appears twice")
        for conversation in 0..<conversations {
            let own = lines.filter { $0.conversation == conversation }.sorted { $0.turn < $1.turn }
            #expect(own.map(\.turn) == Array(1...turns), "conversation \(conversation) turns \(own.map(\.turn))")
            for line in own {
                #expect(line.agent == (line.turn % 2 == 1 ? "A" : "B"))
                #expect(line.tokens >= 0 && line.tokens <= maxTokens)
                #expect(line.promptTokens > 0)
                #expect(["length", "eos", "stop"].contains(line.finishReason), "\(line.finishReason)")
                #expect(line.seedIndex == conversation && line.replicate == 0)
            }
        }
    }

    /// Texts by (conversation, turn), for comparing runs.
    static func texts(_ lines: [TranscriptLine]) -> [[Int]: String] {
        Dictionary(lines.map { ([$0.conversation, $0.turn], $0.text) }, uniquingKeysWith: { first, _ in first })
    }
}
