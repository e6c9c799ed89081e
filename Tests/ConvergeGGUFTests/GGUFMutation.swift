import Foundation

@testable import ConvergeGGUF

/// One random change to a GGUF header: a flipped byte, a hostile integer written over a field, or a
/// cut. Positions favour the counts at the start and the tensor table at the end, where structure
/// is dense; the middle of a real header is mostly token text.
enum GGUFMutation {
    /// Values that break parsers: zero, one, sign bits, powers near the limits, all ones.
    static let hostileValues: [UInt64] = [0, 1, 4, 5, 63, 64, 255, 1 << 31, 1 << 32, 1 << 60, 1 << 62, 1 << 63, .max, .max - 1, UInt64(UInt32.max)]

    static func apply(to prefix: Data, header: GGUFHeader, random: inout SeededRandom) -> Data {
        var bytes = [UInt8](prefix)
        let count = bytes.count
        let tensorTable = max(0, count - header.tensorCount * 48)
        let position: Int
        switch random.next() % 4 {
        case 0: position = Int(random.next() % UInt64(min(count, 512)))
        case 1, 2: position = tensorTable + Int(random.next() % UInt64(count - tensorTable))
        default: position = Int(random.next() % UInt64(count))
        }
        switch random.next() % 3 {
        case 0:
            bytes[position] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
        case 1:
            let value = hostileValues[Int(random.next() % UInt64(hostileValues.count))]
            let width = random.next() % 2 == 0 ? 4 : 8
            for byte in 0..<width where position + byte < count {
                bytes[position + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte)))
            }
        default:
            bytes.removeSubrange(position...)
        }
        return Data(bytes)
    }
}

/// Knuth's MMIX linear congruential generator, seeded, so every run mutates the same way; the
/// high bits are returned, as its low bits have short periods.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 16 | state << 48
    }
}
