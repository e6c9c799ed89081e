import Foundation
import Testing

@testable import ConvergeMetrics

/// The text columns of whole conversations against the Python definitions.
@Suite struct SeriesGoldenTests {
    struct Conversation: Decodable {
        var seed: String
        var outputs: [String]
        var rows: [[String: Double?]]
    }

    struct File: Decodable { var conversations: [Conversation] }

    static let conversations: [Conversation] = {
        let url = Bundle.module.url(forResource: "series", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).conversations
    }()

    @Test(arguments: conversations.indices)
    func rowsMatchPython(_ index: Int) {
        let conversation = Self.conversations[index]
        let rows = TurnSeries.compute(seed: conversation.seed, outputs: conversation.outputs)
        #expect(rows.count == conversation.rows.count)
        for (row, expected) in zip(rows, conversation.rows) {
            #expect(Double(row.turn) == expected["turn"]!)
            for (column, value) in expected where column != "turn" {
                let metric = TurnMetric(rawValue: column)!
                let actual = row[metric]
                #expect((actual == nil) == (value == nil), "turn \(row.turn) \(column)")
                if let actual, let value {
                    #expect(isClose(actual, value), "turn \(row.turn) \(column): \(actual) != \(value)")
                }
            }
            #expect(row[.cosineDistancePrev] == nil && row[.coherence] == nil)
        }
    }

    @Test func csvRowsLineUpWithTheHeader() {
        let rows = TurnSeries.compute(seed: "A seed.", outputs: ["One. Two.", "One. Two."])
        #expect(rows.allSatisfy { $0.csvFields.count == TurnMetrics.csvHeader.count })
        #expect(TurnMetrics.csvHeader.contains("bleu_distance_prev"))
        #expect(rows[1].csvFields[TurnMetrics.csvHeader.firstIndex(of: "bleu_distance_prev")!] == "0.0")
        #expect(rows[1].csvFields[TurnMetrics.csvHeader.firstIndex(of: "bleu_self")!] == "")
    }
}
