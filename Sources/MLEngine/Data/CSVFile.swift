#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls (no `Data`, no per-line buffers).
enum CSVFile {
    /// Calls `body` with the file's bytes. Regular files are memory-mapped read-only
    /// (much cheaper than copying a large file; the file must not be truncated while
    /// it is read); other files, or a failed mapping, fall back to ``readAll(path:)``.
    static func withContents<R>(
        path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(DataError) -> R
    ) throws(DataError) -> R {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(code)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw failure(EISDIR)
        }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG && size > 0, let mapped = map(descriptor, size: size) {
            close(descriptor)
            defer { munmap(mapped, size) }
            return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
        }
        close(descriptor)
        let bytes = try readAll(path: path)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in try body(buffer) }
    }

    private static func map(_ descriptor: Int32, size: Int) -> UnsafeMutableRawPointer? {
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let pointer = mmap(nil, size, PROT_READ, flags, descriptor, 0), pointer != MAP_FAILED else { return nil }
        return pointer
    }

    /// The file's bytes, or a ``DataError`` whose message starts "cannot read file:".
    static func readAll(path: String) throws(DataError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(EISDIR) }
        var bytes = try readChunk(descriptor, capacity: max(Int(info.st_size), 0) + 1)
        // The size from fstat is a hint: keep reading until read() reports the end.
        while bytes.count > 0 {
            let more = try readChunk(descriptor, capacity: max(bytes.count, 1 << 16))
            if more.isEmpty { break }
            bytes.append(contentsOf: more)
        }
        return bytes
    }

    /// Up to `capacity` bytes; fewer only at the end of the file.
    private static func readChunk(_ descriptor: Int32, capacity: Int) throws(DataError) -> [UInt8] {
        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < capacity {
                let got = read(descriptor, base + initialized, capacity - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if got == 0 { return }
                initialized += got
            }
        }
        if readError != 0 { throw failure(readError) }
        return bytes
    }

    private static func failure(_ code: Int32) -> DataError {
        var reason = String(cString: strerror(code))
        if let first = reason.first {
            reason = first.lowercased() + reason.dropFirst()
        }
        return DataError(file: "", message: "cannot read file: \(reason)")
    }
}
