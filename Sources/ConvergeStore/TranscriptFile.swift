public import ConvergeCore
public import Foundation

/// `transcript.jsonl`: one `TurnRecord` per line, appended and synced turn by turn.
///
/// Crash safety: each line goes to the file in one `write` followed by `fsync`, so after a SIGKILL
/// the file holds every finished turn and at most one partial last line. Opening the file for
/// appending cuts that partial line off, so nothing broken or duplicated survives a resume.
public final class TranscriptFile {
    public let url: URL
    private let handle: FileHandle
    private let encoder = TranscriptFile.lineEncoder()

    /// One compact line per turn, keys sorted so files diff cleanly.
    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Opens (creating if needed) a transcript for appending, after cutting off a partial or corrupt
    /// last line.
    /// - Throws: `ConvergeError` with code `.io` when the file cannot be opened.
    public init(url: URL) throws {
        self.url = url
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil) else {
                throw ConvergeError(.io, "cannot create \(url.path)")
            }
        }
        do {
            handle = try FileHandle(forUpdating: url)
            let data = try handle.readToEnd() ?? Data()
            let keep = Self.intactLength(data)
            if keep < data.count { try handle.truncate(atOffset: UInt64(keep)) }
            try handle.seekToEnd()
        } catch {
            throw ConvergeError(.io, "cannot open \(url.path): \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// How many leading bytes to keep: everything up to the last newline, less a last line that is
    /// not a turn. A crash (power loss, or a disk that fills in mid-write) can leave a newline after
    /// zeros or half a record; that line is the turn that was being written, which a resume makes
    /// again, so cutting it loses nothing finished. Earlier lines are never cut.
    static func intactLength(_ data: Data) -> Int {
        let newline = UInt8(ascii: "\n")
        guard let last = data.lastIndex(of: newline) else { return 0 }
        let start = data[..<last].lastIndex(of: newline).map { $0 + 1 } ?? data.startIndex
        let line = data[start..<last]
        let blank = line.allSatisfy { $0 == 32 || $0 == 13 }
        let isTurn = blank || (try? JSONDecoder().decode(TurnRecord.self, from: Data(line))) != nil
        return (isTurn ? last + 1 : start) - data.startIndex
    }

    /// Appends one turn and syncs it to disk.
    /// - Throws: `ConvergeError` with code `.io`, for example when the disk is full.
    public func append(_ record: TurnRecord) throws {
        var line = try encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        do {
            try handle.write(contentsOf: line)
            try handle.synchronize()
        } catch {
            throw ConvergeError(.io, "cannot write to \(url.path): \(error.localizedDescription)")
        }
    }

    /// Reads every complete line of a transcript. A partial last line (from a crash) is ignored.
    /// - Throws: `ConvergeError` naming the line when a complete line is not a valid turn.
    public static func read(_ url: URL) throws -> [TurnRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConvergeError(.transcript, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var records: [TurnRecord] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, line) in lines.dropLast().enumerated() where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            do {
                records.append(try decoder.decode(TurnRecord.self, from: Data(line)))
            } catch {
                throw ConvergeError(.transcript, "\(url.path) line \(number + 1) is not a valid turn: \(describe(error))")
            }
        }
        return records
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not JSON" : "bad value for '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "\(error)"
        }
    }
}

extension TranscriptFile {
    /// Replaces a transcript's content with the given records, atomically.
    /// - Throws: `ConvergeError` with code `.io`.
    public static func rewrite(_ url: URL, with records: [TurnRecord]) throws {
        let encoder = lineEncoder()
        do {
            var data = Data()
            for record in records {
                data.append(try encoder.encode(record))
                data.append(UInt8(ascii: "\n"))
            }
            try data.write(to: url, options: .atomic)
        } catch {
            throw ConvergeError(.io, "cannot rewrite \(url.path): \(error.localizedDescription)")
        }
    }
}
