public import Foundation

/// What `exportPNGs` did.
public struct PNGExportResult: Sendable {
    /// The PNG files written, in chart order.
    public var written: [URL]
    /// One line per problem: `rsvg-convert` missing, or a chart it failed on. Empty on full success.
    public var messages: [String]
}

/// Converts each chart to `directory/NAME.png` with `rsvg-convert`, when it is installed.
///
/// PNGs are a convenience for slides; the SVGs are the primary output, so a missing converter is
/// reported in `messages` rather than thrown. The SVG files are written next to the PNGs.
/// - Parameters:
///   - charts: the charts, e.g. from `reportCharts(_:)`.
///   - directory: where the `.svg` and `.png` files go.
///   - scale: the zoom factor (2 gives print-quality pixels).
/// - Returns: the PNGs written and any messages.
/// - Throws: `ReportError` only when the SVG files themselves cannot be written.
public func exportPNGs(_ charts: [NamedChart], to directory: URL, scale: Double = 2) throws(ReportError) -> PNGExportResult {
    try exportPNGs(charts, to: directory, scale: scale, converter: findOnPath("rsvg-convert"))
}

/// `exportPNGs` with the converter given, so tests can take the missing-converter path.
func exportPNGs(
    _ charts: [NamedChart], to directory: URL, scale: Double, converter: URL?
) throws(ReportError) -> PNGExportResult {
    let svgs = try writeCharts(charts, to: directory)
    guard let converter else {
        return PNGExportResult(
            written: [],
            messages: ["PNG export skipped: rsvg-convert is not on PATH (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg)"]
        )
    }
    var result = PNGExportResult(written: [], messages: [])
    for svg in svgs {
        let png = svg.deletingPathExtension().appendingPathExtension("png")
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format=png", "--zoom=\(scale)", "--output=\(png.path)", svg.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
            let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                result.written.append(png)
            } else {
                let reason = detail.trimmingCharacters(in: .whitespacesAndNewlines)
                result.messages.append("rsvg-convert failed on \(svg.path) (exit \(process.terminationStatus)): \(reason)")
            }
        } catch {
            result.messages.append("cannot run \(converter.path): \(error.localizedDescription)")
        }
    }
    return result
}

/// The first executable named `name` in the directories of `PATH`.
func findOnPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
