import ConvergeCore
public import ConvergeDetection
public import Foundation

/// A detector JSON file: both detectors' settings and their provenance (`ConvergenceDetectors`),
/// written by `converge calibrate` and accepted by `--detectors`.
public enum DetectorFile {
    /// - Parameter url: the file.
    /// - Returns: the settings.
    /// - Throws: `ConvergeError` (code `.invalidParameter`) naming the file and what is wrong with it.
    public static func read(_ url: URL) throws -> ConvergenceDetectors {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConvergeError(.invalidParameter, "cannot read detector file \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(ConvergenceDetectors.self, from: data)
        } catch {
            throw ConvergeError(
                .invalidParameter, "\(url.path) is not a detector file (expected study, loop and provenance): \(error.localizedDescription)")
        }
    }

    /// Writes the settings atomically, pretty-printed with sorted keys so files diff cleanly.
    /// - Throws: `ConvergeError` (code `.io`).
    public static func write(_ detectors: ConvergenceDetectors, to url: URL) throws {
        do { try RunAnalysis.encode(detectors).write(to: url, options: .atomic) } catch let error as ConvergeError {
            throw error
        } catch {
            throw ConvergeError(.io, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
