import Foundation

extension DataFrame {
    /// Writes the frame in the binary form of ``binaryEncoded()`` (byte for byte the same) to
    /// the file at `path`, created or truncated, in chunks of about 1 MiB: the encoding is never
    /// held whole in memory, so writing a large frame does not double the peak memory.
    /// - Returns: the SHA-256 of the bytes written, as 64 lowercase hex digits.
    /// - Throws: ``DataError`` when the file cannot be created or written.
    public func writeBinary(toFile path: String) throws(DataError) -> String {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DataError(file: path, message: "cannot create: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try writeBinary(toDescriptor: descriptor, displayName: path)
    }

    /// Writes the binary form to an open descriptor (left open), in chunks; see ``writeBinary(toFile:)``.
    /// - Returns: the SHA-256 of the bytes written, as 64 lowercase hex digits.
    public func writeBinary(toDescriptor descriptor: Int32, displayName: String = "") throws(DataError) -> String {
        var writer = ChunkedFileWriter(descriptor: descriptor, displayName: displayName)
        try writer.write(contentsOf: Self.binaryMagic)
        try writer.integer(Self.binaryFormatVersion)
        try writer.integer(UInt64(columns.count))
        try writer.integer(UInt64(rowCount))
        for column in columns {
            switch column {
            case .numeric(let numeric):
                try writer.integer(UInt8(0))
                try writer.string(numeric.name)
                try Self.writeElements(numeric.values, to: &writer)
            case .categorical(let categorical):
                try writer.integer(UInt8(1))
                try writer.string(categorical.name)
                try writer.integer(UInt64(categorical.categories.count))
                for category in categorical.categories { try writer.string(category) }
                try Self.writeElements(categorical.codes, to: &writer)
            }
        }
        return try writer.finish()
    }

    /// Writes each element little-endian (`Double` as its bit pattern), straight from the array's storage.
    private static func writeElements<T: BitwiseCopyable>(_ values: [T], to writer: inout ChunkedFileWriter) throws(DataError) {
        #if _endian(little)
        try writer.write(contentsOf: values)
        #else
        for value in values {
            if let double = value as? Double { try writer.integer(double.bitPattern) } else if let code = value as? UInt32 { try writer.integer(code) }
        }
        #endif
    }
}
