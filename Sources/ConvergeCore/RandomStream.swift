/// SplitMix64: small, fast, and fully specified, so a random stream is the same on every platform
/// and every Swift version (the standard library's generator promises neither).
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Derives a seed from a parent seed and identifying numbers, so each conversation and turn has
    /// its own stream whatever order they run in.
    public static func derive(_ parent: UInt64, _ parts: Int...) -> UInt64 {
        var stream = RandomStream(seed: parent)
        var value = stream.next()
        for part in parts {
            stream = RandomStream(seed: value ^ UInt64(bitPattern: Int64(part)) &* 0x2545_F491_4F6C_DD1D)
            value = stream.next()
        }
        return value
    }
}
