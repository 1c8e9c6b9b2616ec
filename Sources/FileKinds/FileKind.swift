#if canImport(Glibc)
public import Glibc
#elseif canImport(Musl)
public import Musl
#elseif canImport(Darwin)
public import Darwin
#endif

/// What kind of file system object a path names, in words for messages.
///
/// Data files must be regular files: reading a FIFO, a device such as `/dev/zero`, or a
/// directory would block, never end, or fail obscurely, so callers refuse them up front.
///
/// ```swift
/// if let kind = FileKind.nonRegular(path: "/dev/zero") { print("not a regular file (\(kind))") }
/// ```
public enum FileKind {
    /// `nil` when `path` is a regular file (symbolic links followed) or cannot be examined
    /// (the caller's open then reports why); otherwise its kind, e.g. "a FIFO".
    public static func nonRegular(path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return describe(mode: info.st_mode)
    }

    /// `nil` for a regular file's mode, otherwise its kind in words.
    public static func describe(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }
}
