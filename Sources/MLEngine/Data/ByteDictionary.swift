/// An insertion-ordered set of byte strings giving each a dense `UInt32` code:
/// the dictionary behind categorical columns while a CSV file is parsed.
///
/// Lookups hash the bytes in place (no `String` per field). The open-addressing
/// table (at most three quarters full, to stay cache-sized) holds each key's first
/// 16 bytes (two zero-padded words), its length and its code, so the usual category
/// (≤ 16 bytes) is found with one memory access; longer keys are also compared
/// against the byte arena. Codes follow first insertion.
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
    private var slots = [Slot](repeating: Slot(word0: 0, word1: 0, meta: 0), count: 8)
    /// A hash's top `64 - shift` bits index `slots` (multiplicative hashing).
    private var shift: UInt64 = 61

    /// Number of distinct entries.
    var count: Int { starts.count - 1 }

    /// The code of `bytes`, inserting them if new; `inserted` tells which.
    @inline(__always)
    mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> (code: UInt32, inserted: Bool) {
        let (word0, word1) = CSVByteKey.leadingWords(bytes)
        return code(for: bytes, word0, word1)
    }

    /// ``code(for:)`` for bytes followed by at least 16 readable bytes (a
    /// ``CSVWindow`` or side buffer): the leading words are loaded without branches.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    mutating func codePadded(for bytes: UnsafeBufferPointer<UInt8>) -> (code: UInt32, inserted: Bool) {
        guard let base = bytes.baseAddress else { return code(for: bytes, 0, 0) }
        let raw = UnsafeRawPointer(base)
        let length = UInt64(truncatingIfNeeded: bytes.count)
        let first = min(length, 8)
        let second = min(max(length, 8) &- 8, 8)
        let word0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & (UInt64.max >> (64 &- first &* 8))
        let word1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & (UInt64.max >> (64 &- second &* 8))
        return code(for: bytes, word0, word1)
    }

    /// The code of the 1...16 bytes at `text`, if present; at least 16 bytes must be
    /// readable from `text` (a ``CSVWindow`` guarantees it). Never inserts.
    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    func find(padded text: UnsafePointer<UInt8>, length: Int) -> UInt32? {
        let raw = UnsafeRawPointer(text)
        let bits = UInt64(truncatingIfNeeded: length) &* 8
        let word0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & (UInt64.max >> (64 &- min(bits, 64)))
        let word1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            & (UInt64.max >> (128 &- max(bits, 64)))
        let hash = CSVByteKey.shortHash(word0, word1, length)
        let lengthBits = UInt64(truncatingIfNeeded: length) &<< 32
        return slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var slot = Int(truncatingIfNeeded: hash &>> shift)
            while true {
                let candidate = table[slot]
                if candidate.meta == 0 { return nil }
                if candidate.word0 == word0 && candidate.word1 == word1 && candidate.meta & 0xFFFF_FFFF_0000_0000 == lengthBits {
                    return UInt32(truncatingIfNeeded: candidate.meta) &- 1
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Empties the dictionary, keeping its memory for the next chunk.
    mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        arena.removeAll(keepingCapacity: true)
        slots.withUnsafeMutableBufferPointer { table in
            table.update(repeating: Slot(word0: 0, word1: 0, meta: 0))
        }
    }

    #if compiler(>=6.3)
    @inline(always)
    #else
    @inline(__always)
    #endif
    private mutating func code(for bytes: UnsafeBufferPointer<UInt8>, _ word0: UInt64, _ word1: UInt64) -> (code: UInt32, inserted: Bool) {
        let length = bytes.count
        let hash = length <= 16 ? CSVByteKey.shortHash(word0, word1, length) : CSVByteKey.longHash(bytes)
        let lengthBits = UInt64(truncatingIfNeeded: length) << 32
        let found: (code: UInt32?, slot: Int) = slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var slot = Int(truncatingIfNeeded: hash &>> shift)
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

    /// The code in `self` of entry `code` of `other`, inserting it if new.
    mutating func code(of code: UInt32, in other: ByteDictionary) -> UInt32 {
        let start = other.starts[Int(code)]
        let end = other.starts[Int(code) + 1]
        return other.arena.withUnsafeBufferPointer { buffer in
            self.code(for: UnsafeBufferPointer(rebasing: buffer[start..<end])).code
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
            return CSVByteKey.equal(lhs + starts[code], rhs, bytes.count)
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        let mask = capacity - 1
        shift -= 1
        var table = [Slot](repeating: Slot(word0: 0, word1: 0, meta: 0), count: capacity)
        arena.withUnsafeBufferPointer { buffer in
            for slot in slots where slot.meta != 0 {
                let length = Int(truncatingIfNeeded: slot.meta >> 32)
                let code = Int(truncatingIfNeeded: slot.meta & 0xFFFF_FFFF) - 1
                let hash = length <= 16
                    ? CSVByteKey.shortHash(slot.word0, slot.word1, length)
                    : CSVByteKey.longHash(UnsafeBufferPointer(rebasing: buffer[starts[code]..<starts[code + 1]]))
                var index = Int(truncatingIfNeeded: hash &>> shift)
                while table[index].meta != 0 { index = (index + 1) & mask }
                table[index] = slot
            }
        }
        slots = table
    }
}
