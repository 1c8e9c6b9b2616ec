/// Appends little-endian integers, arrays and strings to a byte buffer.
///
/// The building block of ``DataFrame/binaryEncoded()``; read back with ``BinaryReader``.
public struct BinaryWriter: Sendable {
    /// The bytes written so far.
    public private(set) var buffer: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw bytes.
    public mutating func bytes(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends a fixed-width integer, little-endian.
    public mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Appends a `UInt64` byte count and the UTF-8 bytes of `text`.
    public mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        integer(UInt64(utf8.count))
        buffer.append(contentsOf: utf8)
    }

    /// Appends the elements of `values`, each little-endian, without a count.
    public mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        #if _endian(little)
        values.withUnsafeBytes { buffer.append(contentsOf: $0) }
        #else
        for value in values { integer(value) }
        #endif
    }
}
