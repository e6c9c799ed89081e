import ConvergeTSNE
import Foundation
import Testing

@Suite("t-SNE input and output files")
struct TSNEIOTests {
    @Test("JSON Lines embeddings are read in order, blank lines and other keys ignored")
    func readsJSONL() throws {
        let text = "{\"turn\": 1, \"embedding\": [1, 2.5, -3e-2]}\n\n{\"embedding\": [0, 0, 1]}\r\n"
        #expect(try TSNEIO.readEmbeddings(jsonl: Data(text.utf8)) == [[1, 2.5, -0.03], [0, 0, 1]])
    }

    @Test("a bad line is malformed input naming its number", arguments: ["{\"embedding\": [1]}\n{\"text\": \"x\"}", "{\"embedding\": [1]}\nnot json"])
    func badLine(text: String) {
        #expect { try TSNEIO.readEmbeddings(jsonl: Data(text.utf8)) } throws: { error in
            let error = error as? TSNEError
            return error?.code == .malformedInput && error?.message.contains("line 2") == true
        }
    }

    @Test("a bad line in a file keeps its code and names the file")
    func badLineInFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsne-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"embedding\": [1]}\nnot json\n".utf8).write(to: url)
        #expect { try TSNEIO.readEmbeddings(contentsOf: url) } throws: { error in
            let error = error as? TSNEError
            return error?.code == .malformedInput && error?.message.contains("\(url.path): line 2") == true
        }
    }

    @Test("CSV has an x,y header and exact numbers, and round-trips through a file")
    func writesCSV() throws {
        let coordinates = [[0.1, -2.0], [1e-5, 3.25]]
        let csv = TSNEIO.csv(coordinates: coordinates)
        #expect(csv == "x,y\n0.1,-2.0\n1e-05,3.25\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tsne-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try TSNEIO.writeCSV(coordinates, to: url)
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.map { $0.split(separator: ",").map { Double($0)! } } == coordinates)
    }

    @Test("a missing file is an io error naming the path")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/embeddings.jsonl")
        #expect { try TSNEIO.readEmbeddings(contentsOf: url) } throws: { error in
            (error as? TSNEError)?.code == .io && (error as? TSNEError)?.message.contains("/nonexistent/embeddings.jsonl") == true
        }
    }
}
