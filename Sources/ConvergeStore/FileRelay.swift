public import ConvergeCore
public import Foundation

/// The study's relay: each turn's text is written to a file and the next model reads it back from
/// that file, so what a model sees is exactly what is on disk.
public struct FileRelay: TurnRelay {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The file that carries one turn: `conversation-0003/turn-07-A.txt`.
    public func url(conversation: Int, turn: Int) -> URL {
        directory
            .appendingPathComponent(String(format: "conversation-%04d", conversation), isDirectory: true)
            .appendingPathComponent(String(format: "turn-%02d-%@.txt", turn, Agent.speaking(onTurn: turn).rawValue))
    }

    /// Writes one turn's text and reads it back.
    /// - Returns: the text as read from the file.
    /// - Throws: `ConvergeError` when the file cannot be written or read.
    public func relay(_ text: String, conversation: Int, turn: Int) throws -> String {
        let url = url(conversation: conversation, turn: turn)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            return String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw ConvergeError(.io, "relay file \(url.path): \(error.localizedDescription)")
        }
    }
}
