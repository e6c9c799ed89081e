import ConvergeCore
import Foundation
import Testing

@Suite struct SeedFileTests {
    @Test func skipsCommentsAndBlankLinesAndTrims() throws {
        let text = "# seeds for a test\n\nFirst seed.\n   \n  Second seed.  \r\n# another comment\nThird: a # is fine here\n"
        #expect(try SeedFile.parse(text, source: "t") == ["First seed.", "Second seed.", "Third: a # is fine here"])
    }

    @Test func byteOrderMarkDoesNotTurnACommentIntoASeed() throws {
        #expect(try SeedFile.parse("\u{FEFF}# a comment\nThe seed.\n", source: "bom.txt") == ["The seed."])
    }

    @Test(arguments: ["", "\n\n  \n", "# only\n# comments\n"])
    func noSeedIsAnError(text: String) {
        #expect {
            try SeedFile.parse(text, source: "empty.txt")
        } throws: { error in
            let error = error as? ConvergeError
            return error?.code == .seeds && error?.message.contains("empty.txt") == true
        }
    }

    @Test func loadReadsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("converge-seeds-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "one\n#c\ntwo\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(try SeedFile.load(url) == ["one", "two"])
    }

    @Test func unreadableOrMissingOrBinaryFilesAreSeedErrors() throws {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("converge-seeds-dir-\(UUID())")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("binary.txt")
        try Data([0xFF, 0xFE, 0x00, 0xC3, 0x28]).write(to: binary)
        for url in [directory.appendingPathComponent("missing.txt"), directory, binary] {
            #expect(throws: ConvergeError.self) { try SeedFile.load(url) }
            do { _ = try SeedFile.load(url) } catch let error as ConvergeError {
                #expect(error.code == .seeds)
                #expect(!error.message.contains("\n"))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func bundledSeedsAreFiftyDistinctSentences() throws {
        let seeds = try SeedFile.bundled()
        #expect(seeds.count == 50)
        #expect(Set(seeds).count == 50)
        #expect(seeds.allSatisfy { !$0.allSatisfy(\.isWhitespace) })
    }
}
