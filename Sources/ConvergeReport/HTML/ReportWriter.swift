public import Foundation

/// Writes `report.html` into `directory`, creating the directory if needed.
///
/// The file is written to a temporary name and renamed, so a reader never sees half a report and an
/// old report survives a failed write.
/// - Parameters:
///   - input: the run's data.
///   - directory: the run directory; the report lands at `directory/report.html`.
/// - Returns: the report's URL.
/// - Throws: `ReportError` when the directory cannot be created or the file cannot be written.
@discardableResult
public func writeReport(_ input: ReportInput, to directory: URL) throws(ReportError) -> URL {
    let url = directory.appendingPathComponent("report.html")
    try writeAtomically(Data(renderReport(input).utf8), to: url)
    return url
}

/// Writes every chart as `directory/NAME.svg`, for papers and for `exportPNGs`.
/// - Returns: the SVG files in chart order.
/// - Throws: `ReportError` when the directory cannot be created or a file cannot be written.
@discardableResult
public func writeCharts(_ charts: [NamedChart], to directory: URL) throws(ReportError) -> [URL] {
    var urls: [URL] = []
    for chart in charts {
        let url = directory.appendingPathComponent(chart.name + ".svg")
        try writeAtomically(Data(chart.svg.utf8), to: url)
        urls.append(url)
    }
    return urls
}

func writeAtomically(_ data: Data, to url: URL) throws(ReportError) {
    let directory = url.deletingLastPathComponent()
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
        throw ReportError(
            code: .cannotCreateDirectory, message: "cannot create \(directory.path): \(error.localizedDescription)", path: directory.path, underlying: error)
    }
    do {
        try data.write(to: url, options: .atomic)
    } catch {
        throw ReportError(code: .cannotWrite, message: "cannot write \(url.path): \(error.localizedDescription)", path: url.path, underlying: error)
    }
}
