import Foundation
import Testing

@testable import ConvergeGGUF

@Suite struct GGUFHeaderTests {
    private func parse(_ file: TinyGGUF) throws -> GGUFHeader {
        let data = file.data
        return try data.withUnsafeBytes { try GGUFHeader(bytes: $0, fileSize: UInt64($0.count)) }
    }

    @Test func wellFormedFileParses() throws {
        let header = try parse(TinyGGUF())
        #expect(header.tensorCount == 2 && header.keyValueCount == 3 && header.alignment == 32)
        #expect(header.dataSize == 192 && header.dataOffset % 32 == 0)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: String
        let change: @Sendable (inout TinyGGUF) -> Void
        var testDescription: String { name }
    }

    static let hostile: [Case] = [
        Case(name: "2^60 tensors", expected: "1152921504606846976 tensors") { $0.tensorCount = 1 << 60 },
        Case(name: "2^64-1 key/values", expected: "key/value pairs") { $0.keyValueCount = .max },
        Case(name: "version 1", expected: "version 1") { $0.version = 1 },
        Case(name: "version 4", expected: "version 4") { $0.version = 4 },
        Case(name: "string longer than the file", expected: "claims") { $0.architectureLength = 1 << 62 },
        Case(name: "five dimensions", expected: "5 dimensions") { $0.tensors[0].shape = [32, 1, 1, 1, 1] },
        Case(name: "dimension 2^63", expected: "negative dimension") { $0.tensors[0].shape = [1 << 63] },
        Case(name: "element count overflow", expected: "2^63 elements") { $0.tensors[0].shape = [1 << 32, 1 << 32] },
        Case(name: "retired type", expected: "type 4") { $0.tensors[0].type = 4 },
        Case(name: "type past the table", expected: "type 99") { $0.tensors[0].type = 99 },
        Case(name: "row not whole blocks", expected: "block size 32") { $0.tensors[1].shape = [31, 2] },
        Case(name: "offset out of order", expected: "expected 128") { $0.tensors[1].offset = 0 },
        Case(name: "offset near 2^64", expected: "expected 128") { $0.tensors[1].offset = .max - 3 },
        Case(name: "data past the end", expected: "past the file's end") { $0.dataBytes = 100 },
        Case(name: "alignment not a power of 2", expected: "power of 2") { $0.alignment = 24 },
        Case(name: "alignment 0", expected: "power of 2") { $0.alignment = 0 },
        Case(name: "duplicate tensor", expected: "twice") { $0.tensors[1].name = "a" },
        Case(name: "name of 64 bytes", expected: "longer than") { $0.tensors[0].name = String(repeating: "n", count: 64) },
        Case(name: "NUL in a string", expected: "NUL byte") { $0.architecture = "lla\0ma" },
        Case(name: "duplicate token", expected: "token 2 of 'tokenizer.ggml.tokens', 'a', appears twice") { $0.tokens = ["a", "b", "a"] },
        Case(name: "token named like an empty one", expected: "appears twice") { $0.tokens = ["", "[EMPTY_0]"] },
        Case(name: "control characters are escaped", expected: #"'b\n\u{1B}', appears twice"#) { $0.tokens = ["b\n\u{1B}", "b\n\u{1B}"] },
        Case(name: "one more tensor claimed", expected: "runs past the end") {
            $0.tensorCount = 3; $0.dataBytes = 0
        },
    ]

    @Test(arguments: hostile)
    func hostileHeaderIsRefusedInOneLine(_ hostileCase: Case) {
        var file = TinyGGUF()
        hostileCase.change(&file)
        #expect {
            try parse(file)
        } throws: { error in
            let text = "\(error)"
            return text.contains(hostileCase.expected) && !text.contains("\n")
        }
    }
}
