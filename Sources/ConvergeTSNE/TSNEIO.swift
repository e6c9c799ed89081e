public import Foundation

/// Reading embeddings for t-SNE and writing its coordinates, for the `converge tsne` command.
public enum TSNEIO {
    private struct Line: Decodable {
        let embedding: [Double]
    }

    /// Parses JSON Lines where each object has an `embedding` array of numbers (other keys are
    /// ignored; blank lines are skipped).
    /// - Parameter data: the file's bytes, UTF-8.
    /// - Returns: one vector per non-blank line, in order.
    /// - Throws: ``TSNEError`` with code ``TSNEError/Code/malformedInput`` naming the first bad line.
    public static func readEmbeddings(jsonl data: Data) throws(TSNEError) -> [[Float]] {
        let decoder = JSONDecoder()
        var rows = [[Float]]()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
                continue
            }
            do {
                rows.append(try decoder.decode(Line.self, from: Data(line)).embedding.map { Float($0) })
            } catch {
                throw TSNEError(.malformedInput, "line \(lineNumber) is not a JSON object with an \"embedding\" array of numbers")
            }
        }
        return rows
    }

    /// Reads a JSON Lines file of embeddings; see ``readEmbeddings(jsonl:)``.
    /// - Parameter url: the file.
    /// - Returns: one vector per non-blank line, in order.
    /// - Throws: ``TSNEError`` with code ``TSNEError/Code/io`` when the file cannot be read, or
    ///   ``TSNEError/Code/malformedInput`` naming its first bad line.
    public static func readEmbeddings(contentsOf url: URL) throws(TSNEError) -> [[Float]] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TSNEError(.io, "cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try readEmbeddings(jsonl: data)
        } catch {
            throw TSNEError(error.code, "\(url.path): \(error.message)")
        }
    }

    /// CSV with header `x,y` and one row per point, numbers in Swift's shortest exact form.
    /// - Parameter coordinates: `[x, y]` pairs.
    /// - Returns: the CSV text, ending with a newline.
    public static func csv(coordinates: [[Double]]) -> String {
        var text = "x,y\n"
        for row in coordinates {
            text += row.map { "\($0)" }.joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// Writes ``csv(coordinates:)`` to `url`, atomically.
    /// - Parameters:
    ///   - coordinates: `[x, y]` pairs.
    ///   - url: the destination file.
    /// - Throws: ``TSNEError`` with code ``TSNEError/Code/io`` when the file cannot be written.
    public static func writeCSV(_ coordinates: [[Double]], to url: URL) throws(TSNEError) {
        do {
            try Data(csv(coordinates: coordinates).utf8).write(to: url, options: .atomic)
        } catch {
            throw TSNEError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
