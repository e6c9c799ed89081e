public import Foundation

/// Seed sentences: a plain text file with one seed per line. Blank lines and lines starting with
/// `#` are skipped, so a file can carry comments.
public enum SeedFile {
    /// Parses seed text.
    /// - Throws: `ConvergeError` when no seed remains.
    public static func parse(_ text: String, source: String) throws -> [String] {
        // A byte-order mark (Windows editors write one) would otherwise hide a first-line comment.
        let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let seeds = body.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !seeds.isEmpty else { throw ConvergeError(.seeds, "seed file \(source) has no seed sentences") }
        return seeds
    }

    /// Reads and parses a seed file.
    /// - Throws: `ConvergeError` when the file cannot be read, is not UTF-8, or holds no seed.
    public static func load(_ url: URL) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConvergeError(.seeds, "cannot read seed file \(url.path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConvergeError(.seeds, "seed file \(url.path) is not UTF-8 text")
        }
        return try parse(text, source: url.path)
    }
}
