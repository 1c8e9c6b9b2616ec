/// The CRC-32 of zlib and PNG (IEEE polynomial, reflected), which the binary model format
/// appends so that a flipped byte is reported instead of decoding into a different model.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The checksum of `bytes[range]`.
    static func checksum(_ bytes: [UInt8], range: Range<Int>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { buffer in
                for index in range { crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8) }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
