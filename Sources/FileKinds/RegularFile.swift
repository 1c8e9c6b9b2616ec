#if canImport(Glibc)
public import Glibc
#elseif canImport(Musl)
public import Musl
#elseif canImport(Darwin)
public import Darwin
#endif

/// Opening and reading regular files without ever blocking on something else.
///
/// The path is opened with `O_NONBLOCK` (a FIFO without a writer never blocks the open) and
/// checked with `fstat` on the descriptor actually read, so `/dev/zero`, a FIFO or a
/// directory are refused before a byte is read.
public enum RegularFile {
    /// Why a path could not be opened as a regular file.
    public enum OpenError: Error, Sendable, Equatable {
        /// `open` or `fstat` failed with this `errno`.
        case system(Int32)
        /// It is not a regular file; its kind in words, e.g. "a FIFO".
        case notRegular(String)
    }

    /// A read-only descriptor of the regular file at `path` and its `stat`; the caller closes it.
    public static func open(_ path: String) -> Result<(descriptor: Int32, info: stat), OpenError> {
        let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.system(code))
        }
        if let kind = FileKind.describe(mode: info.st_mode) {
            close(descriptor)
            return .failure(.notRegular(kind))
        }
        return .success((descriptor, info))
    }

    /// `read(2)`: up to `count` bytes into `destination`; the byte count, 0 at the end, -1 with `errno` set.
    public static func read(_ descriptor: Int32, into destination: UnsafeMutableRawPointer?, count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.read(descriptor, destination, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, destination, count)
        #else
        Glibc.read(descriptor, destination, count)
        #endif
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Darwin)
        Darwin.open(path, flags)
        #elseif canImport(Musl)
        Musl.open(path, flags)
        #else
        Glibc.open(path, flags)
        #endif
    }
}
