/// Appends the pieces of the binary model format (see `docs/model-format.md`) to a buffer,
/// or only counts them, so that ``TrainedModel/binarySize`` costs no allocation.
///
/// Integers are LEB128 varints (signed ones zigzag-mapped first), doubles their 8-byte
/// little-endian IEEE-754 bit patterns, strings a varint byte count and UTF-8.
struct ModelBinaryWriter: Sendable {
    /// The bytes written so far (empty when only counting).
    private(set) var bytes: [UInt8] = []
    /// How many bytes have been written (or would have been, when only counting).
    private(set) var size = 0
    /// Whether bytes are only counted.
    let measuring: Bool

    /// A writer that stores bytes, or with `measuring` only counts them.
    init(measuring: Bool = false, capacity: Int = 0) {
        self.measuring = measuring
        if !measuring, capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Appends raw bytes.
    mutating func raw(_ values: [UInt8]) {
        size += values.count
        if !measuring { bytes.append(contentsOf: values) }
    }

    /// Appends one byte.
    mutating func byte(_ value: UInt8) {
        size += 1
        if !measuring { bytes.append(value) }
    }

    /// Appends a bool as a byte 0 or 1.
    mutating func bool(_ value: Bool) {
        byte(value ? 1 : 0)
    }

    /// Appends `value` as an unsigned LEB128 varint (7 bits a byte, low bits first).
    mutating func unsigned(_ value: UInt64) {
        var rest = value
        if measuring {
            repeat { size += 1; rest >>= 7 } while rest != 0
            return
        }
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            size += 1
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        size += 1
    }

    /// Appends a non-negative count or size as a varint.
    mutating func count(_ value: Int) {
        unsigned(UInt64(truncatingIfNeeded: value))
    }

    /// Appends any `Int` as a zigzag varint (0, -1, 1, -2, … become 0, 1, 2, 3, …).
    mutating func signed(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// Appends the 8 bytes of `value`'s bit pattern, little-endian.
    mutating func double(_ value: Double) {
        size += 8
        if !measuring { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    /// Appends `value` exactly in 1, 5 or 9 bytes: a byte `2x` (0…200) for a multiple of 0.5
    /// from 0 to 100, 201 and a 4-byte float bit pattern when the float holds the same bits,
    /// else 202 and the 8-byte pattern. Trees are full of 0, 1 and midpoints such as 0.5 or
    /// 37.5, which this keeps to one byte.
    mutating func compactDouble(_ value: Double) {
        let bits = value.bitPattern
        let twice = value * 2
        if bits >> 63 == 0, twice <= 200, twice.rounded(.towardZero) == twice {
            byte(UInt8(twice))
            return
        }
        let single = Float(value)
        if Double(single).bitPattern == bits {
            byte(201)
            size += 4
            if !measuring { withUnsafeBytes(of: single.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        } else {
            byte(202)
            double(value)
        }
    }

    /// Appends every double with ``compactDouble(_:)``, without a count.
    mutating func compactDoubles(_ values: [Double]) {
        for value in values { compactDouble(value) }
    }

    /// Appends a varint count, then every double's bit pattern.
    mutating func doubles(_ values: [Double]) {
        count(values.count)
        doublesWithoutCount(values)
    }

    /// Appends every double's bit pattern, without a count (the reader knows it).
    mutating func doublesWithoutCount(_ values: [Double]) {
        size += values.count * 8
        guard !measuring else { return }
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// Appends a varint count, then every integer as a zigzag varint.
    mutating func integers(_ values: [Int]) {
        count(values.count)
        for value in values { signed(value) }
    }

    /// Appends a varint byte count and the UTF-8 bytes of `text`.
    mutating func string(_ text: String) {
        let utf8 = text.utf8
        count(utf8.count)
        size += utf8.count
        if !measuring { bytes.append(contentsOf: utf8) }
    }

    /// Appends a varint count, then every string.
    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }
}
