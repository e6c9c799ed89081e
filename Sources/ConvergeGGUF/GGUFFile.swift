import ConvergeCore
public import Foundation

/// Checks a model file's GGUF structure before llama.cpp is given it.
public enum GGUFFile {
    /// - Parameter url: the model file.
    /// - Returns: the checked header.
    /// - Throws: `ConvergeError` `.modelFile` in one line naming the file, the problem and its byte
    ///   offset; the `GGUFFormatError` is kept as the underlying error.
    @discardableResult
    public static func check(_ url: URL) throws -> GGUFHeader {
        let data: Data
        do {
            // Mapped, so only the header's pages are read, however large the weights.
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw ConvergeError(
                .modelFile, exists ? "cannot read model file \(url.path): \(error.localizedDescription)" : "model file not found: \(url.path)",
                value: url.path, underlying: error)
        }
        guard data.prefix(4) == Data("GGUF".utf8) else {
            throw ConvergeError(.modelFile, "\(url.path) is not a GGUF file (its first bytes are not 'GGUF')", value: url.path)
        }
        do {
            return try data.withUnsafeBytes { try GGUFHeader(bytes: $0, fileSize: UInt64($0.count)) }
        } catch let error as GGUFFormatError {
            throw ConvergeError(.modelFile, "\(url.path) is a truncated or corrupt GGUF file: \(error)", value: url.path, underlying: error)
        } catch {
            throw ConvergeError(.modelFile, "cannot read model file \(url.path): \(error)", value: url.path, underlying: error)
        }
    }
}
