/// SplitMix64 (Steele, Lea & Flood 2014): used only to expand a 64-bit seed into
/// the 256-bit state of ``SeededGenerator`` and to derive child seeds.
struct SplitMix64: Sendable {
    private(set) var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    /// Advances the state by the golden gamma and returns the mixed value.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// FNV-1a, 64-bit: a stable hash of bytes that, unlike `Hasher`, gives the same
/// value in every process.
enum FNV1a64 {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }
}
