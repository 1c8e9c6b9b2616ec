/// Word-level helpers for byte-string keys: loading a key's first 16 bytes, hashing
/// and comparing (used by ``ByteDictionary`` and ``CSVMissingMatcher``).
enum CSVByteKey {
    /// The first 16 bytes as two little-endian words, zero-padded, read with
    /// overlapping loads that never touch memory outside `bytes`.
    @inline(__always)
    static func leadingWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            return (
                UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        if count > 8 {
            let tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), tail >> UInt64((16 - count) * 8))
        }
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return (low | (high >> UInt64((8 - count) * 8)) << 32, 0)
        }
        let byte1 = count > 1 ? UInt64(base[1]) : 0
        let byte2 = count > 2 ? UInt64(base[2]) : 0
        return (UInt64(base[0]) | byte1 << 8 | byte2 << 16, 0)
    }

    /// A hash of a key of at most 16 bytes; its high bits are the well-mixed ones
    /// (every input bit reaches them through the multiply), so index by those.
    @inline(__always)
    static func shortHash(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> UInt64 {
        (word0 ^ (word1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: length) &<< 58) &* 0xD6E8_FEB8_6659_FD93
    }

    /// A hash of a longer key, with the same property.
    static func longHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        let tail = UnsafeBufferPointer(start: base + offset, count: bytes.count - offset)
        return shortHash(hash, leadingWords(tail).0, bytes.count)
    }

    /// Byte equality of two ranges of `count` bytes.
    @inline(__always)
    static func equal(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            let left = UnsafeRawPointer(lhs).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let right = UnsafeRawPointer(rhs).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if left != right { return false }
            index += 8
        }
        while index < count {
            if lhs[index] != rhs[index] { return false }
            index += 1
        }
        return true
    }
}
