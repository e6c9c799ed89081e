import Foundation
import Testing

@testable import ConvergeReport

@Suite("PNG export", .tags(.browser))
struct PNGExportTests {
    private func scratchDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("converge-png-\(UUID().uuidString)")
    }

    @Test func missingConverterIsAMessageNotAFailure() throws {
        let directory = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let charts = Array(reportCharts(SampleReport.input(conversations: 1)).prefix(2))
        let result = try exportPNGs(charts, to: directory, scale: 1, converter: nil)
        #expect(result.written.isEmpty)
        #expect(result.messages.count == 1 && result.messages[0].contains("rsvg-convert is not on PATH"))
        // The SVGs, the primary output, are still written.
        for chart in charts {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(chart.name + ".svg").path))
        }
    }

    @Test(.enabled(if: findOnPath("rsvg-convert") != nil, "rsvg-convert is not installed"))
    func convertsEveryChartWhenRsvgConvertIsInstalled() throws {
        let directory = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let charts = reportCharts(SampleReport.input(conversations: 1))
        let result = try exportPNGs(charts, to: directory)
        #expect(result.messages.isEmpty, "\(result.messages)")
        #expect(result.written.count == charts.count)
        for png in result.written {
            let bytes = try Data(contentsOf: png).prefix(8)
            #expect(Array(bytes) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(png.lastPathComponent) is not a PNG")
        }
    }
}
