import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator, so that every draw
/// is reproducible from ``TSNEConfiguration/seed`` on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in (0, 1): 53 random bits, never exactly 0.
    mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal sample (Box-Muller; the second value is discarded for simplicity).
    mutating func nextGaussian() -> Double {
        let u1 = nextOpenUnit()
        let u2 = nextOpenUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
