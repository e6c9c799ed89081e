import ConvergeCore
public import Foundation

/// One line of `labels.jsonl`: a person's verdict on one conversation, the reference for calibration.
public struct ConversationLabel: Codable, Sendable, Equatable {
    /// The run directory's name; it tells labels of several runs apart in one file.
    public var run: String?
    public var conversation: Int
    public var converged: Bool
    /// The labelled onset turn; nil when not converged, or when the labeller was unsure where it began.
    public var onset: Int?
    /// Who labelled it.
    public var labeller: String

    /// - Parameters:
    ///   - run: the run directory's name.
    ///   - conversation: the conversation number.
    ///   - converged: whether it converged.
    ///   - onset: the onset turn, if converged and known.
    ///   - labeller: who labelled it.
    public init(run: String?, conversation: Int, converged: Bool, onset: Int?, labeller: String) {
        self.run = run
        self.conversation = conversation
        self.converged = converged
        self.onset = onset
        self.labeller = labeller
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(run, forKey: .run)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(converged, forKey: .converged)
        // Always present, null when unknown, so the file reads the same for every line.
        try container.encode(onset, forKey: .onset)
        try container.encode(labeller, forKey: .labeller)
    }
}

/// Reading and appending `labels.jsonl`.
public enum LabelFile {
    /// Every label in a file, in order; a later line for the same conversation supersedes an
    /// earlier one where the caller keeps the last. A missing file holds no labels.
    /// - Throws: `ConvergeError` (code `.io`) naming the line that is not a label.
    public static func read(_ url: URL) throws -> [ConversationLabel] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConvergeError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var labels: [ConversationLabel] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
            guard let label = try? decoder.decode(ConversationLabel.self, from: Data(line)) else {
                throw ConvergeError(
                    .io, "\(url.path) line \(index + 1) is not a label {\"conversation\", \"converged\", \"onset\", \"labeller\"}")
            }
            labels.append(label)
        }
        return labels
    }

    /// Appends one label as a line and syncs it, so an interrupted session loses nothing answered.
    /// - Throws: `ConvergeError` (code `.io`).
    public static func append(_ label: ConversationLabel, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            if !FileManager.default.fileExists(atPath: url.path) {
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw ConvergeError(.io, "cannot create \(url.path)")
                }
            }
            let handle = try FileHandle(forUpdating: url)
            defer { try? handle.close() }
            var line = try encoder.encode(label) + Data("\n".utf8)
            // A hand-edited file may lack its final line break; without one the new label would join that line.
            let end = try handle.seekToEnd()
            if end > 0 {
                try handle.seek(toOffset: end - 1)
                if try handle.read(upToCount: 1) != Data("\n".utf8) { line.insert(UInt8(ascii: "\n"), at: 0) }
            }
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch let error as ConvergeError {
            throw error
        } catch {
            throw ConvergeError(.io, "cannot append to \(url.path): \(error.localizedDescription)")
        }
    }
}
