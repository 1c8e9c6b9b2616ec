/// Reads the pieces ``ModelBinaryWriter`` writes. Every read is bounds-checked and a damaged
/// or truncated input throws ``ModelError``, so no input can make decoding trap or allocate
/// more than the input's size allows.
struct ModelBinaryReader: Sendable {
    private let bytes: [UInt8]
    private var offset: Int
    private let end: Int

    /// A reader of `bytes[offset..<end]` (`end` defaults to the whole array).
    init(_ bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(max(end ?? bytes.count, 0), bytes.count)
        self.offset = min(max(offset, 0), self.end)
    }

    /// How many bytes are left.
    var remaining: Int { end - offset }
    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == end }

    /// The error for damaged input, saying what was being read.
    static func damaged(_ what: String) -> ModelError {
        ModelError("the binary model is damaged: \(what)")
    }

    /// The next `count` raw bytes.
    mutating func raw(count: Int) throws(ModelError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw Self.damaged("the data ends early") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// The next byte.
    mutating func byte() throws(ModelError) -> UInt8 {
        guard offset < end else { throw Self.damaged("the data ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next byte, which must be 0 or 1.
    mutating func bool() throws(ModelError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Self.damaged("a flag is neither 0 nor 1")
        }
    }

    /// The next unsigned LEB128 varint (at most 10 bytes, no overflow).
    mutating func unsigned() throws(ModelError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            if shift == 63, next > 1 { throw Self.damaged("a number is too large") }
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// The next zigzag varint as an `Int`.
    mutating func signed() throws(ModelError) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let result = Int(exactly: value) else { throw Self.damaged("a number is too large") }
        return result
    }

    /// The next varint count of things at least `minimumSize` bytes each: it must fit in what
    /// is left, which bounds every allocation by the input's size.
    mutating func count(minimumSize: Int = 1) throws(ModelError) -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(remaining / max(minimumSize, 1)) else { throw Self.damaged("a count exceeds the data") }
        return Int(raw)
    }

    /// The next 8-byte little-endian double bit pattern.
    mutating func double() throws(ModelError) -> Double {
        guard remaining >= 8 else { throw Self.damaged("the data ends early") }
        let bits = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// The next double written by ``ModelBinaryWriter/compactDouble(_:)``.
    mutating func compactDouble() throws(ModelError) -> Double {
        let tag = try byte()
        switch tag {
        case 0...200: return Double(tag) / 2
        case 201:
            guard remaining >= 4 else { throw Self.damaged("the data ends early") }
            let bits = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            offset += 4
            return Double(Float(bitPattern: UInt32(littleEndian: bits)))
        case 202: return try double()
        default: throw Self.damaged("unknown number tag \(tag)")
        }
    }

    /// The next `count` doubles written by ``ModelBinaryWriter/compactDoubles(_:)``.
    mutating func compactDoubles(count: Int) throws(ModelError) -> [Double] {
        guard count >= 0, count <= remaining else { throw Self.damaged("the data ends early") }
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count { values[index] = try compactDouble() }
        return values
    }

    /// A varint count, then that many doubles.
    mutating func doubles() throws(ModelError) -> [Double] {
        try doubles(count: count(minimumSize: 8))
    }

    /// The next `count` doubles.
    mutating func doubles(count: Int) throws(ModelError) -> [Double] {
        guard count >= 0, count <= remaining / 8 else { throw Self.damaged("the data ends early") }
        let start = offset
        offset += count * 8
        return [Double](unsafeUninitializedCapacity: count) { destination, initialized in
            bytes.withUnsafeBytes { source in
                #if _endian(little)
                UnsafeMutableRawBufferPointer(destination).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[start..<start + count * 8]))
                #else
                for index in 0..<count {
                    let bits = source.loadUnaligned(fromByteOffset: start + index * 8, as: UInt64.self)
                    destination[index] = Double(bitPattern: UInt64(littleEndian: bits))
                }
                #endif
            }
            initialized = count
        }
    }

    /// A varint count, then that many zigzag varints.
    mutating func integers() throws(ModelError) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try signed()) }
        return values
    }

    /// A varint byte count, then that many bytes of UTF-8.
    mutating func string() throws(ModelError) -> String {
        let utf8 = try raw(count: count())
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Self.damaged("a string is not valid UTF-8") }
        return text
    }

    /// A varint count, then that many strings.
    mutating func strings() throws(ModelError) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
