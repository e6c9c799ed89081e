import Foundation

/// A small GGUF file built field by field, so a test can set any field to a hostile value.
struct TinyGGUF {
    struct Tensor {
        var name: String
        var shape: [UInt64]
        var type: UInt32
        var offset: UInt64
    }

    var version: UInt32 = 3
    var tensorCount: UInt64?
    var keyValueCount: UInt64?
    var architecture = "llama"
    var architectureLength: UInt64?
    var alignment: UInt32 = 32
    var tokens = ["a", "b", ""]
    var tensors = [
        Tensor(name: "a", shape: [32], type: 0, offset: 0),  // F32: 128 bytes
        Tensor(name: "b", shape: [32, 2], type: 2, offset: 128),  // Q4_0: 2 blocks of 18 bytes, padded to 64
    ]
    var dataBytes = 192

    var data: Data {
        var bytes = Data("GGUF".utf8)
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func string(_ text: String, length: UInt64? = nil) {
            u64(length ?? UInt64(text.utf8.count))
            bytes.append(contentsOf: Array(text.utf8))
        }
        u32(version)
        u64(tensorCount ?? UInt64(tensors.count))
        u64(keyValueCount ?? 3)
        string("general.architecture")
        u32(8)
        string(architecture, length: architectureLength)
        string("general.alignment")
        u32(4)
        u32(alignment)
        string("tokenizer.ggml.tokens")
        u32(9)
        u32(8)
        u64(UInt64(tokens.count))
        tokens.forEach { string($0) }
        for tensor in tensors {
            string(tensor.name)
            u32(UInt32(tensor.shape.count))
            tensor.shape.forEach(u64)
            u32(tensor.type)
            u64(tensor.offset)
        }
        let aligned = max(Int(alignment), 1)
        bytes.append(Data(count: (aligned - bytes.count % aligned) % aligned))
        bytes.append(Data(count: dataBytes))
        return bytes
    }
}
