/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked and throws on damage.
public struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    /// A reader at the start of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next `count` raw bytes.
    public mutating func bytes(count: Int) throws(DataError) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else { throw Self.damaged("the data ends early") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// The next little-endian fixed-width integer.
    public mutating func integer<T: FixedWidthInteger>() throws(DataError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= bytes.count - offset else { throw Self.damaged("the data ends early") }
        var value = T.zero
        for index in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    /// The next `UInt64` as an `Int` count (reads that follow are bounds-checked, so a
    /// damaged count fails there instead of allocating).
    public mutating func count() throws(DataError) -> Int {
        let raw: UInt64 = try integer()
        guard raw <= UInt64(Int.max) else { throw Self.damaged("a count is out of range") }
        return Int(raw)
    }

    /// The next string written by ``BinaryWriter/string(_:)``.
    public mutating func string() throws(DataError) -> String {
        let length: UInt64 = try integer()
        guard length <= UInt64(bytes.count - offset) else { throw Self.damaged("the data ends early") }
        let utf8 = try bytes(count: Int(length))
        guard let text = String(validating: utf8, as: UTF8.self) else { throw Self.damaged("a string is not valid UTF-8") }
        return text
    }

    /// The next `count` little-endian elements.
    public mutating func array<T: FixedWidthInteger>(count: Int) throws(DataError) -> [T] {
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / size else { throw Self.damaged("the data ends early") }
        let start = offset
        offset += count * size
        #if _endian(little)
        return [T](unsafeUninitializedCapacity: count) { destination, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(destination).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[start..<start + count * size]))
            }
            initialized = count
        }
        #else
        var values: [T] = []
        values.reserveCapacity(count)
        var reader = BinaryReader(Array(bytes[start..<start + count * size]))
        for _ in 0..<count { values.append(try reader.integer()) }
        return values
        #endif
    }

    static func damaged(_ message: String) -> DataError {
        DataError(file: "", message: "damaged binary data: " + message)
    }
}
