/// A deterministic, seedable random number generator: xoshiro256** (Blackman & Vigna)
/// whose state is filled from a 64-bit seed by SplitMix64.
///
/// The same seed gives the same sequence on every platform and in every process,
/// so experiments are reproducible. Use ``derived(_:)`` to give each consumer
/// (a notebook cell, a tree of a forest) its own independent stream:
///
/// ```swift
/// var root = SeededGenerator(seed: 42)
/// var split = root.derived("split")      // independent of how much `root` was used
/// let u = split.nextDouble()             // in [0, 1)
/// let i = split.nextInt(below: 10)       // in 0..<10, stable across Swift versions
/// ```
///
/// Prefer ``nextInt(below:)`` and ``nextDouble()`` over `Int.random(in:using:)`:
/// the standard library does not promise that its algorithms for those stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    /// The seed this generator was created from (what ``derived(_:)`` builds on).
    public let seed: UInt64
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose 256-bit state is the first four outputs of
    /// SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Returns the next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// A child generator for the stream named `label`.
    ///
    /// The child's seed is the first SplitMix64 output started at
    /// `seed ^ FNV-1a-64(label's UTF-8 bytes)`. It depends only on this generator's
    /// ``seed`` and the label — not on how many values were drawn — and never on
    /// Swift's per-process randomized `Hasher`. Children can be derived again.
    public func derived(_ label: String) -> SeededGenerator {
        var mixer = SplitMix64(state: seed ^ FNV1a64.hash(label.utf8))
        return SeededGenerator(seed: mixer.next())
    }

    /// A uniformly distributed `Double` in `[0, 1)` built from the top 53 bits of ``next()``.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniformly distributed integer in `0..<upperBound` (Lemire's unbiased
    /// multiply-and-reject method). Returns 0 when `upperBound <= 1`.
    public mutating func nextInt(below upperBound: Int) -> Int {
        guard upperBound > 1 else { return 0 }
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    private static func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
