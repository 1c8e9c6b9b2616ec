extension CSVNumberParser {
    /// The most common forms, `[-]d…d` and `[-]d…d.d…d` with at most eight digits in
    /// all, read a word at a time without a bounds check: at least 16 bytes must be
    /// readable from `base` (a ``CSVWindow`` or side buffer guarantees it). The point
    /// is squeezed out of the word so that one eight-digit conversion reads both parts.
    ///
    /// Returns the signed integer made of all the digits (exact in a `Double`) and the
    /// number of fraction digits: the value is `mantissa / 10^scale`, one correctly
    /// rounded division that the caller does in a separate loop (so divisions overlap).
    /// `nil` means "not this form": the caller falls back to trimming, missing markers
    /// and ``parse(_:readable:)``.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    static func parsePadded(_ base: UnsafePointer<UInt8>, _ count: Int) -> (mantissa: Double, scale: Int)? {
        let negative = base[0] == UInt8(ascii: "-")
        let sign = negative ? 1 : 0
        let digits = base + sign
        let length = count &- sign
        guard length >= 1 && length <= 9 else { return nil }
        let raw = UnsafeRawPointer(digits)
        let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let nonDigits = nonDigitBytes(low) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* min(length, 8)))
        let value: UInt64
        var scale = 0
        if nonDigits == 0 {
            guard length <= 8 else { return nil }
            value = eightDigitsValue(low, digits: length)
        } else {
            // One point, with digits on both sides: the only non-digit among the bytes.
            let point = nonDigits.trailingZeroBitCount &>> 3
            let pointBits = UInt64(truncatingIfNeeded: point &* 8)
            guard point >= 1, point < length &- 1, nonDigits &>> pointBits == nonDigits &>> pointBits & 0xFF,
                digits[point] == UInt8(ascii: ".")
            else { return nil }
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // A ninth byte (after the point) must be a digit too.
            guard length < 9 || (high & 0xFF) &- 0x30 < 10 else { return nil }
            // Bytes after the point move down one place: the digits alone, in one word.
            let kept = (1 &<< pointBits) &- 1
            let joined = (low & kept) | ((low &>> 8) | (high &<< 56)) & ~kept
            let total = length &- 1
            value = eightDigitsValue(joined, digits: total)
            scale = total &- point
        }
        let magnitude = Double(value)
        return (Double(bitPattern: magnitude.bitPattern | (negative ? 1 << 63 : 0)), scale)
    }
}
