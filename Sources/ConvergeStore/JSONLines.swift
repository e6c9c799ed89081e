import ConvergeCore
import Foundation

/// JSON Lines in and out for the filter commands (`score`, `embed`): every object passes through
/// with its own fields intact, plus what the command adds.
public enum JSONLines {
    /// Reads one JSON object per non-blank line from a file, or from stdin when `path` is nil or "-".
    /// - Throws: `ConvergeError` naming the line that is not a JSON object.
    public static func readObjects(path: String?) throws -> [[String: Any]] {
        let data: Data
        if let path, path != "-" {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ConvergeError(.io, "cannot read \(path)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        var objects: [[String: Any]] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw ConvergeError(.input, "\(path ?? "stdin") line \(number + 1) is not a JSON object", value: path)
            }
            objects.append(object)
        }
        return objects
    }

    /// The string field `key` of every object.
    /// - Throws: `ConvergeError` naming the first object without it.
    public static func strings(_ objects: [[String: Any]], key: String) throws -> [String] {
        try objects.enumerated().map { index, object in
            guard let value = object[key] as? String else {
                throw ConvergeError(.input, "input row \(index + 1) has no string field '\(key)'", value: String(index + 1))
            }
            return value
        }
    }

    /// Writes objects, one per line, to a file or to stdout when `path` is nil or "-".
    /// - Throws: `ConvergeError` when writing fails.
    public static func write(_ objects: [[String: Any]], path: String?) throws {
        var data = Data()
        for object in objects {
            data.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            data.append(UInt8(ascii: "\n"))
        }
        if let path, path != "-" {
            do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw ConvergeError(.io, "cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            do { try FileHandle.standardOutput.write(contentsOf: data) } catch {
                throw ConvergeError(.io, "cannot write to standard output: \(error.localizedDescription)", underlying: error)
            }
        }
    }
}
