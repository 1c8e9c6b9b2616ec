import Crypto
import Foundation

/// Writes bytes to a file descriptor through a fixed buffer, hashing them (SHA-256) as they
/// go, so a large value can be written without holding its encoding in memory.
struct ChunkedFileWriter {
    private let descriptor: Int32
    private let displayName: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var hasher = SHA256()

    /// A writer to `descriptor` (left open); `displayName` names the file in errors.
    init(descriptor: Int32, displayName: String, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.displayName = displayName
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Appends `bytes`, flushing when the buffer fills.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(DataError) {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try emit(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends the elements' in-memory bytes.
    mutating func write<T: BitwiseCopyable>(contentsOf values: [T]) throws(DataError) {
        var failure: DataError?
        values.withUnsafeBytes { raw in
            do throws(DataError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Appends a fixed-width integer, little-endian.
    mutating func integer<T: FixedWidthInteger & BitwiseCopyable>(_ value: T) throws(DataError) {
        try write(contentsOf: [value.littleEndian])
    }

    /// Appends a `UInt64` byte count and the UTF-8 bytes of `text` (``BinaryWriter/string(_:)``).
    mutating func string(_ text: String) throws(DataError) {
        let utf8 = Array(text.utf8)
        try integer(UInt64(utf8.count))
        try write(contentsOf: utf8)
    }

    /// Writes what is buffered.
    mutating func flush() throws(DataError) {
        guard !buffer.isEmpty else { return }
        var failure: DataError?
        buffer.withUnsafeBytes { raw in
            do throws(DataError) { try emit(raw) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    /// Flushes and returns the SHA-256 of everything written, as 64 lowercase hex digits.
    mutating func finish() throws(DataError) -> String {
        try flush()
        return Digest.hex(hasher.finalize())
    }

    private mutating func emit(_ bytes: UnsafeRawBufferPointer) throws(DataError) {
        hasher.update(bufferPointer: bytes)
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw DataError(file: displayName, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
