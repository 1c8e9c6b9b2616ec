/// Parses decimal numbers straight from bytes, without building a `String`.
///
/// Accepts `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before or
/// after the point) and, case-insensitively, `nan`, `inf`, `infinity` with an
/// optional sign. The input must already be trimmed. Results are correctly rounded:
/// the common case uses Clinger's exact fast path, the rest goes to `strtod`.
enum CSVNumberParser {
    /// 10^exponent for 0...22 (all exactly representable).
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The value of `bytes`, or `nil` when they are not a number.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        parse(bytes, readable: bytes.count)
    }

    /// The value of `bytes`, or `nil` when they are not a number; `readable` bytes
    /// from the start of `bytes` may be read (at least `bytes.count`), which lets
    /// short numbers be read eight digits at a time.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int) -> Double? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        if bytes.count <= 17 && readable >= bytes.count + 8 {
            if let value = parseEightAtATime(base, bytes.count) { return value }
        } else if bytes.count <= 18, let value = parseShortPlain(base, bytes.count) {
            return value
        }
        return parseGeneral(bytes)
    }

    /// `[-+]digits[.digits]` with at most 8 digits on each side and at most 17 bytes,
    /// reading 8 bytes at a time (SWAR); the caller guarantees `count + 8` readable bytes.
    /// `nil` means "use the general parser".
    @inline(__always)
    private static func parseEightAtATime(_ base: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        let first = base[0]
        let negative = first == UInt8(ascii: "-")
        var index = negative || first == UInt8(ascii: "+") ? 1 : 0
        let integerWord = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let integerDigits = min(digitRun(integerWord), count - index)
        guard integerDigits < 8 || index + 8 == count else { return nil }
        var mantissa = integerDigits > 0 ? eightDigitsValue(integerWord, digits: integerDigits) : 0
        index += integerDigits
        var fractionDigits = 0
        if index < count {
            guard base[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            if index < count {
                let fractionWord = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                fractionDigits = min(digitRun(fractionWord), count - index)
                guard fractionDigits > 0, index + fractionDigits == count else { return nil }
                mantissa = mantissa &* UInt64(powerOfTenInteger(fractionDigits)) &+ eightDigitsValue(fractionWord, digits: fractionDigits)
            }
        }
        guard integerDigits + fractionDigits > 0, mantissa <= 1 << 53 else { return nil }
        let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(fractionDigits)
        return Double(bitPattern: magnitude.bitPattern | (negative ? 1 << 63 : 0))
    }

    /// How many of the word's bytes, from the first, are ASCII digits (0...8).
    @inline(__always)
    static func digitRun(_ word: UInt64) -> Int {
        let nonDigit = nonDigitBytes(word)
        return nonDigit == 0 ? 8 : nonDigit.trailingZeroBitCount >> 3
    }

    /// A word whose byte `i` is non-zero when byte `i` of `word` is not an ASCII digit
    /// (and possibly for a digit right after a byte ≥ 0xFA; never zero for a non-digit).
    @inline(__always)
    static func nonDigitBytes(_ word: UInt64) -> UInt64 {
        let highNibbles = word & 0xF0F0_F0F0_F0F0_F0F0
        let carried = (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0
        return (highNibbles ^ 0x3030_3030_3030_3030) | (carried ^ 0x3030_3030_3030_3030)
    }

    /// The value of the first `digits` (1...8) ASCII digits of `word`.
    @inline(__always)
    static func eightDigitsValue(_ word: UInt64, digits: Int) -> UInt64 {
        var value = word &- 0x3030_3030_3030_3030
        value &<<= UInt64(truncatingIfNeeded: (8 &- digits) &* 8)
        value = value &* 10 &+ (value >> 8)
        let high = (value & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32))
        let low = ((value >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32))
        return (high &+ low) >> 32
    }

    @inline(__always)
    static func powerOfTenInteger(_ exponent: Int) -> Int {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// The common case: `[-+]digits[.digits]`, at most 18 bytes (so at most 17
    /// digits: no overflow, no exponent); `nil` means "use the general parser".
    /// One rounding (Clinger's fast path), so the result is correctly rounded.
    @inline(__always)
    private static func parseShortPlain(_ base: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        var index = 0
        let first = base[0]
        let negative = first == UInt8(ascii: "-")
        if negative || first == UInt8(ascii: "+") { index = 1 }
        var mantissa: UInt64 = 0
        let integerStart = index
        while index < count {
            let digit = base[index] &- 48
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        var digits = index - integerStart
        var fractionDigits = 0
        if index < count {
            guard base[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            let fractionStart = index
            while index < count {
                let digit = base[index] &- 48
                if digit >= 10 { return nil }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
            digits += fractionDigits
        }
        // Exact only while the digits fit in a Double's 53-bit significand.
        guard digits > 0, mantissa <= 1 << 53 else { return nil }
        let magnitude = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(fractionDigits)
        // Branch-free sign: signs of real data are unpredictable.
        return Double(bitPattern: magnitude.bitPattern | (negative ? 1 << 63 : 0))
    }
}
