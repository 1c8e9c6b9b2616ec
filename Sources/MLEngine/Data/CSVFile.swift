import FileKinds

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file read with `pread(2)` into caller-owned memory: never memory-mapped,
/// so a file truncated while it is read gives an error, not a crash.
///
/// Several threads may read one `CSVFile` at once (`pread` keeps no shared offset).
final class CSVFile: @unchecked Sendable {
    let descriptor: Int32
    /// The size when opened; reads never go past it.
    let size: Int
    private let opened: stat

    private init(descriptor: Int32, info: stat) {
        self.descriptor = descriptor
        opened = info
        size = max(Int(info.st_size), 0)
    }

    deinit {
        close(descriptor)
    }

    /// Opens a regular file. Anything else (a FIFO, a device, a directory) throws
    /// "not a regular file (a FIFO)" before a byte is read: the path is checked with
    /// `stat`, then opened with `O_NONBLOCK` (so a FIFO without a writer never blocks
    /// the open) and checked again with `fstat` on the descriptor actually read.
    static func open(path: String) throws(DataError) -> CSVFile {
        if let kind = FileKind.nonRegular(path: path) { throw notRegular(kind) }
        switch RegularFile.open(path) {
        case .success(let opened): return CSVFile(descriptor: opened.descriptor, info: opened.info)
        case .failure(.system(let code)): throw failure(code)
        case .failure(.notRegular(let kind)): throw notRegular(kind)
        }
    }

    /// Reads exactly `count` bytes at `offset` into `destination`; a short read means
    /// the file shrank, reported as a change.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws(DataError) {
        var done = 0
        while done < count {
            let got = pread(descriptor, destination + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.failure(errno)
            }
            if got == 0 { throw Self.changed }
            done += got
        }
    }

    /// Throws when the file's size or modification time differs from when it was opened.
    func checkUnchanged() throws(DataError) {
        var now = stat()
        guard fstat(descriptor, &now) == 0 else { throw Self.failure(errno) }
        #if canImport(Darwin)
        let same = now.st_size == opened.st_size && now.st_mtimespec.tv_sec == opened.st_mtimespec.tv_sec
            && now.st_mtimespec.tv_nsec == opened.st_mtimespec.tv_nsec
        #else
        let same = now.st_size == opened.st_size && now.st_mtim.tv_sec == opened.st_mtim.tv_sec
            && now.st_mtim.tv_nsec == opened.st_mtim.tv_nsec
        #endif
        if !same { throw Self.changed }
    }

    /// The file's bytes, or a ``DataError`` whose message starts "cannot read file:".
    /// Reads until `read` reports the end; the reader itself goes through ``open(path:)``,
    /// which refuses anything but a regular file.
    static func readAll(path: String) throws(DataError) -> [UInt8] {
        let descriptor = openDescriptor(path)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure(EISDIR) }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            let before = bytes.count
            var readError: Int32 = 0
            bytes.append(contentsOf: [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { return }
                while initialized < capacity {
                    let got = RegularFile.read(descriptor, into: base + initialized, count: capacity - initialized)
                    if got < 0 {
                        if errno == EINTR { continue }
                        readError = errno
                        return
                    }
                    if got == 0 { return }
                    initialized += got
                }
            })
            if readError != 0 { throw failure(readError) }
            if bytes.count - before < capacity { return bytes }
            capacity = max(bytes.count, 1 << 16)
        }
    }

    private static func openDescriptor(_ path: String) -> Int32 {
        #if canImport(Darwin)
        Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #elseif canImport(Musl)
        Musl.open(path, O_RDONLY | O_CLOEXEC)
        #else
        Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }

    private static func notRegular(_ kind: String) -> DataError {
        DataError(file: "", message: "not a regular file (\(kind))")
    }

    private static var changed: DataError {
        DataError(file: "", message: "cannot read file: it changed while it was being read")
    }

    static func failure(_ code: Int32) -> DataError {
        var reason = String(cString: strerror(code))
        if let first = reason.first {
            reason = first.lowercased() + reason.dropFirst()
        }
        return DataError(file: "", message: "cannot read file: \(reason)")
    }
}
