import Testing
@testable import MLEngine

/// The word-at-a-time fast paths must agree with their plain definitions.
@Suite("CSVReader fast paths")
struct CSVFastPathTests {
    /// `bytes` followed by `CSVWindow.padding` bytes of `filler`, as in a window.
    static func padded(_ bytes: [UInt8], filler: UInt8) -> [UInt8] {
        bytes + [UInt8](repeating: filler, count: CSVWindow.padding)
    }

    @Test func separatorMaskFindsEverySeparator() {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x22, 0x2D, 0x2E, 0x30, 0x39, 0x00, 0x01, 0x0B, 0x23, 0x80, 0xAC, 0xFF, 0x3B]
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), 0] {
            let masks = CSVSeparatorMask(delimiter: delimiter)
            for _ in 0..<2_000 {
                let bytes = (0..<64).map { _ in alphabet[generator.nextInt(below: alphabet.count)] }
                var expected: UInt64 = 0
                for (index, byte) in bytes.enumerated() where [delimiter, 0x0A, 0x0D, 0x22].contains(byte) {
                    expected |= 1 << UInt64(index)
                }
                let count = generator.nextInt(below: 70)
                let got = bytes.withUnsafeBufferPointer { masks.mask($0.baseAddress!, before: count) }
                let kept: UInt64 = count >= 64 ? .max : (1 << UInt64(count)) - 1
                if delimiter <= UInt8(ascii: ",") {
                    // Candidates: every separator, plus only bytes up to max(quote, delimiter).
                    #expect(got & expected == expected & kept && got & ~kept == 0)
                    for index in 0..<64 where got & (1 << UInt64(index)) != 0 {
                        #expect(bytes[index] <= max(delimiter, 0x22))
                    }
                } else {
                    #expect(got == expected & kept)
                }
            }
        }
    }

    @Test func paddedNumbersAreCorrectlyRounded() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<50_000 {
            let digits = 1 + generator.nextInt(below: 9)
            var text = generator.nextInt(below: 3) == 0 ? "-" : ""
            let point = generator.nextInt(below: digits + 2)
            for position in 0..<digits {
                if position == point { text += "." }
                text += String(generator.nextInt(below: 10))
            }
            let filler = [UInt8(ascii: "7"), UInt8(ascii: "."), 0, UInt8(ascii: ",")][generator.nextInt(below: 4)]
            let bytes = Self.padded(Array(text.utf8), filler: filler)
            let parsed = bytes.withUnsafeBufferPointer { CSVNumberParser.parsePadded($0.baseAddress!, text.utf8.count) }
            if let parsed {
                #expect(parsed.mantissa / CSVNumberParser.powerOfTen(parsed.scale) == Double(text), "\(text)")
            } else {
                // Only forms the general parser handles instead.
                let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
                let long = body.count > 9 || (!body.contains(".") && body.count > 8)
                #expect(long || body.hasPrefix(".") || body.hasSuffix("."), "\(text)")
            }
        }
        for text in ["", "-", ".", "1.2.3", "1-", "12a", "+1", "1e5", " 1", "123456789"] {
            let bytes = Self.padded(Array(text.utf8), filler: UInt8(ascii: "1"))
            #expect(bytes.withUnsafeBufferPointer { CSVNumberParser.parsePadded($0.baseAddress!, text.utf8.count) } == nil, "\(text)")
        }
    }

    @Test func paddedDictionaryLookupsMatchInsertions() {
        var dictionary = ByteDictionary()
        let keys = (0..<3_000).map { "k\($0)" + String(repeating: "é", count: $0 % 9) }
        for key in keys {
            _ = Array(key.utf8).withUnsafeBufferPointer { dictionary.code(for: $0) }
        }
        for (code, key) in keys.enumerated() {
            let bytes = Self.padded(Array(key.utf8), filler: 0xAA)
            let length = key.utf8.count
            let found = bytes.withUnsafeBufferPointer { buffer in
                length <= 16 ? dictionary.find(padded: buffer.baseAddress!, length: length) : UInt32(code)
            }
            #expect(found == UInt32(code), "\(key)")
            let again = bytes.withUnsafeBufferPointer { dictionary.codePadded(for: UnsafeBufferPointer(rebasing: $0[0..<length])) }
            #expect(again.code == UInt32(code) && !again.inserted, "\(key)")
        }
        let missing = Self.padded(Array("absent".utf8), filler: 0)
        #expect(missing.withUnsafeBufferPointer { dictionary.find(padded: $0.baseAddress!, length: 6) } == nil)
        #expect(dictionary.strings() == keys)
    }
}
