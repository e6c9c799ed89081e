import ConvergeCore
public import Foundation
import Yams

/// An experiment file (docs/EXPERIMENTS.md): a base configuration plus a grid of conditions, each
/// run over the same seeds and replicates into `DIR/<condition>/`.
///
/// ```yaml
/// name: max-tokens
/// preset: paper          # starting point: paper or quick
/// seed_count: 20         # the first N seeds (full study: 50)
/// base: {turns: 25}      # any run.json configuration key
/// grid:                  # crossed: one condition per combination
///   max_tokens: [25, 50, 100, 200]
/// conditions:            # optional named conditions, crossed with the grid
///   - {name: control}
/// ```
public struct ExperimentFile: Sendable {
    public var name: String
    public var description: String
    /// Every cell of the grid, in file order (conditions outermost, then grid axes in order).
    public var conditions: [ExperimentCondition]
    /// The file's text, saved with the results so a resumed experiment can check it is unchanged.
    public var text: String

    static let topLevelKeys = ["name", "description", "preset", "seed_count", "seed_file", "base", "grid", "conditions"]

    /// Reads and expands a file.
    /// - Throws: `ConvergeError` naming the file, the line and the key.
    public static func load(_ url: URL) throws -> ExperimentFile {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ConvergeError(.invalidParameter, "cannot read experiment file \(url.path)")
        }
        return try ExperimentFile(
            text: text, source: url.path, directory: url.deletingLastPathComponent(),
            defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses and expands an experiment.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - source: the name errors give the file.
    ///   - directory: where a relative `seed_file` is looked up.
    ///   - defaultName: the name when the file gives none.
    /// - Throws: `ConvergeError` naming the file, the line and the key.
    public init(text: String, source: String, directory: URL, defaultName: String = "experiment") throws {
        let root = try YAMLTree(text: text, source: source).root
        guard case .mapping = root else {
            throw ConvergeErrorLine.make(source, root.mark?.line, "an experiment file is a mapping of keys (\(Self.topLevelKeys.joined(separator: ", ")))")
        }
        let parser = ExperimentParser(source: source, root: root)
        for (key, line, _) in YAMLTree.keys(of: root) where !Self.topLevelKeys.contains(key) {
            throw ConvergeErrorLine.make(source, line, "unknown key '\(key)' (known: \(Self.topLevelKeys.joined(separator: ", ")))")
        }
        self.text = text
        name = try parser.string("name") ?? defaultName
        description = try parser.string("description") ?? ""
        let base = try parser.baseConfiguration(directory: directory)
        conditions = try parser.expand(base: base)
    }
}
