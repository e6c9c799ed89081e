import ConvergeStore
import Foundation
import Testing

@Suite struct FileRelayTests {
    @Test func writesEachTurnToItsFileAndReadsItBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("converge-relay-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let relay = FileRelay(directory: directory)
        #expect(try relay.relay("café ☕", conversation: 3, turn: 7) == "café ☕")
        let url = relay.url(conversation: 3, turn: 7)
        #expect(try String(contentsOf: url, encoding: .utf8) == "café ☕")
        #expect(url.path.hasSuffix("conversation-0003/turn-07-A.txt"))
        #expect(relay.url(conversation: 0, turn: 12).lastPathComponent == "turn-12-B.txt")
    }
}
