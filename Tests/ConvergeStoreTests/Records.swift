import ConvergeCore
import Foundation

func record(_ conversation: Int, _ turn: Int, seedIndex: Int? = nil, text: String? = nil, finish: FinishReason = .length) -> TurnRecord {
    TurnRecord(
        conversation: conversation, seedIndex: seedIndex ?? conversation, replicate: 0, turn: turn,
        agent: Agent.speaking(onTurn: turn), model: turn % 2 == 1 ? "model-a" : "model-b",
        text: text ?? "c\(conversation) t\(turn) \"quoted\" \n newline é", promptTokens: 5, tokens: 7, finishReason: finish
    )
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-store-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
