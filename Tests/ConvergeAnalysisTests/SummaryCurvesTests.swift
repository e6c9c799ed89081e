import ConvergeDetection
import ConvergeStatistics
import Foundation
import Testing

@testable import ConvergeAnalysis

/// Every summary carries its Kaplan–Meier curves, so the report and compare read them from one
/// place: a new one stores them, and one written before they were stored gets them on reading.
@Suite struct SummaryCurvesTests {
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("results/interventions-50/control/summary.json")

    /// A shipped summary as written before `kaplan_meier` existed: the same file without it.
    func olderSummary() throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
        var verdicts = try #require(object["verdicts"] as? [String: [String: Any]])
        for name in verdicts.keys { verdicts[name]?.removeValue(forKey: "kaplan_meier") }
        object["verdicts"] = verdicts
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func anOlderSummaryGetsItsCurvesFromItsConversations() throws {
        let data = try olderSummary()
        #expect(!String(decoding: data, as: UTF8.self).contains("kaplan_meier"))
        let summary = try JSONDecoder().decode(AnalysisSummary.self, from: data)
        for name in VerdictName.allCases {
            let expected = KaplanMeier(onsets: summary.conversations.map { $0[name].onset }, lastTurns: summary.conversations.map(\.turns))
            #expect(summary[name].kaplanMeier != nil && summary[name].kaplanMeier == expected, "\(name)")
        }
    }

    @Test func curvesSurviveAWriteAndARead() throws {
        let summary = try JSONDecoder().decode(AnalysisSummary.self, from: olderSummary())
        let written = try JSONEncoder().encode(summary)
        #expect(String(decoding: written, as: UTF8.self).contains("kaplan_meier"))
        #expect(try JSONDecoder().decode(AnalysisSummary.self, from: written) == summary)
    }
}
