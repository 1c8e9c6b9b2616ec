/// Finds the bytes that may end or open fields (the delimiter, LF, CR and `"`) in
/// 64-byte windows as a bit mask: bit `i` set when byte `i` is a candidate. Lane-wise
/// `SIMD16` arithmetic (which the compiler turns into vector instructions) tests 16
/// bytes at a time; a multiply gathers each byte's verdict into one bit.
///
/// With a delimiter no greater than `,` the test is one comparison, "byte ≤ max(`"`,
/// delimiter)", so spaces and a few punctuation marks are candidates too and the
/// caller checks each candidate byte; otherwise the mask is exact.
struct CSVSeparatorMask {
    private let delimiter: SIMD16<UInt8>
    /// `0x80 + max("\"", delimiter)` when the one-comparison test applies, else 0.
    private let bound: UInt8

    init(delimiter: UInt8) {
        self.delimiter = SIMD16(repeating: delimiter)
        bound = delimiter <= UInt8(ascii: ",") ? 0x80 + max(delimiter, CSVScanner.quote) : 0
    }

    /// The mask of the 64 bytes from `pointer` (all 64 must be readable).
    @inline(__always)
    func mask(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(pointer)
        return bits(raw.loadUnaligned(as: SIMD16<UInt8>.self))
            | bits(raw.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)) &<< 16
            | bits(raw.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self)) &<< 32
            | bits(raw.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)) &<< 48
    }

    /// The mask of the 64 bytes from `pointer`, keeping only the first `count` bytes'
    /// bits (the bytes after the data are zeros, separators only for a NUL delimiter).
    @inline(__always)
    func mask(_ pointer: UnsafePointer<UInt8>, before count: Int) -> UInt64 {
        let bits = mask(pointer)
        return count >= 64 ? bits : bits & ((1 &<< UInt64(truncatingIfNeeded: max(count, 0))) &- 1)
    }

    /// Sixteen bits, one per byte (lowest address first).
    @inline(__always)
    private func bits(_ bytes: SIMD16<UInt8>) -> UInt64 {
        let hits: SIMD16<UInt8>
        if bound != 0 {
            // High bit set exactly for bytes below 0x80 that are at most `bound - 0x80`.
            hits = (SIMD16(repeating: bound) &- bytes) & ~bytes
        } else {
            hits = Self.zero(bytes ^ delimiter) | Self.zero(bytes ^ SIMD16(repeating: 0x0A))
                | Self.zero(bytes ^ SIMD16(repeating: 0x0D)) | Self.zero(bytes ^ SIMD16(repeating: 0x22))
        }
        let words = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
        return Self.gather(words[0]) | Self.gather(words[1]) &<< 8
    }

    /// The high bit of each byte set exactly when that byte is zero (lanes do not borrow).
    @inline(__always)
    private static func zero(_ bytes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (bytes &- SIMD16(repeating: 1)) & ~bytes
    }

    /// The high bits of the eight bytes of `word`, as eight bits.
    @inline(__always)
    private static func gather(_ word: UInt64) -> UInt64 {
        (((word & 0x8080_8080_8080_8080) &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }
}
