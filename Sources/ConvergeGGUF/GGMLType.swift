/// The storage of one ggml tensor type: how many elements one block holds and its size in bytes.
///
/// Mirrors `type_traits` in llama.cpp's `ggml/src/ggml.c` at commit 0c1e570; codes that ggml has
/// retired (4, 5, 31–33, 36–38) have no entry, as they have block size 0 there. A test compares the
/// table with the linked libggml.
struct GGMLType: Equatable {
    let blockSize: UInt64
    let typeSize: UInt64

    /// One past the largest type code (`GGML_TYPE_COUNT`).
    static let count: UInt32 = 43

    /// The storage of a type code, or nil for a retired or unknown code.
    static func storage(_ code: UInt32) -> GGMLType? { table[code] }

    private static let table: [UInt32: GGMLType] = [
        0: .init(blockSize: 1, typeSize: 4),  // F32
        1: .init(blockSize: 1, typeSize: 2),  // F16
        2: .init(blockSize: 32, typeSize: 18),  // Q4_0
        3: .init(blockSize: 32, typeSize: 20),  // Q4_1
        6: .init(blockSize: 32, typeSize: 22),  // Q5_0
        7: .init(blockSize: 32, typeSize: 24),  // Q5_1
        8: .init(blockSize: 32, typeSize: 34),  // Q8_0
        9: .init(blockSize: 32, typeSize: 36),  // Q8_1
        10: .init(blockSize: 256, typeSize: 84),  // Q2_K
        11: .init(blockSize: 256, typeSize: 110),  // Q3_K
        12: .init(blockSize: 256, typeSize: 144),  // Q4_K
        13: .init(blockSize: 256, typeSize: 176),  // Q5_K
        14: .init(blockSize: 256, typeSize: 210),  // Q6_K
        15: .init(blockSize: 256, typeSize: 292),  // Q8_K
        16: .init(blockSize: 256, typeSize: 66),  // IQ2_XXS
        17: .init(blockSize: 256, typeSize: 74),  // IQ2_XS
        18: .init(blockSize: 256, typeSize: 98),  // IQ3_XXS
        19: .init(blockSize: 256, typeSize: 50),  // IQ1_S
        20: .init(blockSize: 32, typeSize: 18),  // IQ4_NL
        21: .init(blockSize: 256, typeSize: 110),  // IQ3_S
        22: .init(blockSize: 256, typeSize: 82),  // IQ2_S
        23: .init(blockSize: 256, typeSize: 136),  // IQ4_XS
        24: .init(blockSize: 1, typeSize: 1),  // I8
        25: .init(blockSize: 1, typeSize: 2),  // I16
        26: .init(blockSize: 1, typeSize: 4),  // I32
        27: .init(blockSize: 1, typeSize: 8),  // I64
        28: .init(blockSize: 1, typeSize: 8),  // F64
        29: .init(blockSize: 256, typeSize: 56),  // IQ1_M
        30: .init(blockSize: 1, typeSize: 2),  // BF16
        34: .init(blockSize: 256, typeSize: 54),  // TQ1_0
        35: .init(blockSize: 256, typeSize: 66),  // TQ2_0
        39: .init(blockSize: 32, typeSize: 17),  // MXFP4
        40: .init(blockSize: 64, typeSize: 36),  // NVFP4
        41: .init(blockSize: 128, typeSize: 18),  // Q1_0
        42: .init(blockSize: 64, typeSize: 18),  // Q2_0
    ]
}
