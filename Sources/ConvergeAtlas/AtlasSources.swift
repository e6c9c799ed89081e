import ConvergeCore
public import Foundation

/// The runs an atlas reads: each argument is a run directory (it holds `transcript.jsonl`) or an
/// experiment directory whose conditions are its subdirectories that hold one.
public enum AtlasSources {
    /// - Parameter directories: the command's arguments.
    /// - Returns: each run's directory and its name in the atlas (`experiment/condition` for a
    ///   condition, the directory's own name for a run), in argument order, conditions sorted.
    /// - Throws: `ConvergeError` (code `.io`) naming an argument that is missing or holds no run.
    public static func runs(in directories: [URL]) throws -> [(url: URL, name: String)] {
        var found: [(url: URL, name: String)] = []
        for directory in directories.map(\.standardizedFileURL) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ConvergeError(.io, "run directory \(directory.path) does not exist")
            }
            if holdsTranscript(directory) {
                found.append((directory, directory.lastPathComponent))
                continue
            }
            let children = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            let runs = children.filter(holdsTranscript).sorted { $0.lastPathComponent < $1.lastPathComponent }
            guard !runs.isEmpty else {
                throw ConvergeError(.io, "\(directory.path) holds no run: no transcript.jsonl in it or in its subdirectories")
            }
            found += runs.map { ($0, directory.lastPathComponent + "/" + $0.lastPathComponent) }
        }
        return found
    }

    private static func holdsTranscript(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("transcript.jsonl").path)
    }
}
