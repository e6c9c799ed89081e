import CLlama
import Testing

@testable import ConvergeGGUF

/// The GGUF check's copy of ggml's type table must match the linked ggml, or it would pass or
/// refuse tensor sizes that llama.cpp computes differently.
@Suite struct GGMLTypeTableTests {
    @Test func tableMatchesTheLinkedGGML() {
        #expect(GGMLType.count == UInt32(GGML_TYPE_COUNT.rawValue))
        for code in 0..<GGMLType.count {
            let type = ggml_type(rawValue: code)
            let blockSize = UInt64(ggml_blck_size(type))
            let expected = blockSize == 0 ? nil : GGMLType(blockSize: blockSize, typeSize: UInt64(ggml_type_size(type)))
            #expect(GGMLType.storage(code) == expected, "type \(code)")
        }
    }
}
