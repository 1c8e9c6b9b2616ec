/// An insertion-ordered set of byte strings giving each a dense `UInt32` code:
/// the dictionary behind categorical columns while a CSV file is parsed.
///
/// Lookups hash the bytes in place (no `String` per field). The open-addressing
/// table (at most three quarters full, to stay cache-sized) holds each key's first 16 bytes (two zero-padded words), its length and
/// its code, so the usual category (≤ 16 bytes) is found with one memory access;
/// longer keys are also compared against the byte arena. Codes follow first insertion.
struct ByteDictionary: Sendable {
    private struct Slot: Sendable {
        var word0: UInt64
        var word1: UInt64
        /// `code + 1` in the low 32 bits (0 = empty slot), the key length in the high 32.
        var meta: UInt64
    }

    /// Where each entry's bytes start in `arena`, plus the end (count + 1 values).
    private var starts: [Int] = [0]
    private var arena: [UInt8] = []
    private var slots = [Slot](repeating: Slot(word0: 0, word1: 0, meta: 0), count: 64)

    /// Number of distinct entries.
    var count: Int { starts.count - 1 }

    /// The code of `bytes`, inserting them if new; `inserted` tells which.
    @inline(__always)
    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> (code: UInt32, inserted: Bool) {
        let length = bytes.count
        let (word0, word1) = Self.leadingWords(bytes)
        let hash = length <= 16 ? Self.shortHash(word0, word1, length) : Self.longHash(bytes)
        let lengthBits = UInt64(truncatingIfNeeded: length) << 32
        let found: (code: UInt32?, slot: Int) = slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let candidate = table[slot]
                if candidate.meta == 0 { return (nil, slot) }
                if candidate.word0 == word0 && candidate.word1 == word1 && candidate.meta & 0xFFFF_FFFF_0000_0000 == lengthBits {
                    let code = UInt32(truncatingIfNeeded: candidate.meta) &- 1
                    if length <= 16 || arenaEquals(Int(code), bytes) { return (code, slot) }
                }
                slot = (slot &+ 1) & mask
            }
        }
        if let code = found.code { return (code, false) }
        let code = count
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[found.slot] = Slot(word0: word0, word1: word1, meta: lengthBits | UInt64(code + 1))
        if count * 4 > slots.count * 3 { grow() }
        return (UInt32(truncatingIfNeeded: code), true)
    }

    /// The entries in code order, decoded as UTF-8 (callers validate on insertion).
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { buffer in
            (0..<count).map { code in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[starts[code]..<starts[code + 1]]), as: UTF8.self)
            }
        }
    }

    /// Adds every entry of `other` (in its code order) and returns, for each code of
    /// `other`, its code in `self`.
    mutating func absorb(_ other: ByteDictionary) -> [UInt32] {
        var mapping = [UInt32]()
        mapping.reserveCapacity(other.count)
        other.arena.withUnsafeBufferPointer { buffer in
            for code in 0..<other.count {
                let entry = UnsafeBufferPointer(rebasing: buffer[other.starts[code]..<other.starts[code + 1]])
                mapping.append(self.code(for: entry).code)
            }
        }
        return mapping
    }

    private func arenaEquals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { buffer in
            guard let lhs = buffer.baseAddress, let rhs = bytes.baseAddress else { return bytes.isEmpty }
            return memcmpBytes(lhs + starts[code], rhs, bytes.count)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        let mask = capacity - 1
        var table = [Slot](repeating: Slot(word0: 0, word1: 0, meta: 0), count: capacity)
        arena.withUnsafeBufferPointer { buffer in
            for slot in slots where slot.meta != 0 {
                let length = Int(truncatingIfNeeded: slot.meta >> 32)
                let code = Int(truncatingIfNeeded: slot.meta & 0xFFFF_FFFF) - 1
                let hash = length <= 16
                    ? Self.shortHash(slot.word0, slot.word1, length)
                    : Self.longHash(UnsafeBufferPointer(rebasing: buffer[starts[code]..<starts[code + 1]]))
                var index = Int(truncatingIfNeeded: hash) & mask
                while table[index].meta != 0 { index = (index + 1) & mask }
                table[index] = slot
            }
        }
        slots = table
    }

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

    @inline(__always)
    private static func shortHash(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> UInt64 {
        var hash = (word0 &* 0x9E37_79B9_7F4A_7C15) ^ (word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(length) &* 0x1656_67B1_9E37_79F9)
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash
    }

    private static func longHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
}

/// Byte equality of two ranges of `count` bytes.
@inline(__always)
func memcmpBytes(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
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
