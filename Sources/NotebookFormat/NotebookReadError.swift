/// Why a notebook (or a `--params` file) could not be read, in plain words.
public enum NotebookReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case noSuchFile
    /// The file exists but may not be read.
    case permissionDenied
    /// The path is a directory, a FIFO, a device…; `kind` reads "a directory".
    case notRegularFile(kind: String)
    /// The bytes are not UTF-8: the first bad byte's 0-based offset and its 1-based line.
    case invalidUTF8(byte: Int, line: Int)
    /// Any other system error, as the system words it (lower-case start).
    case system(String)

    /// The reason, e.g. "invalid UTF-8 at byte 12 (line 2)".
    public var description: String {
        switch self {
        case .noSuchFile: "no such file"
        case .permissionDenied: "permission denied"
        case .notRegularFile(let kind): "not a regular file (\(kind))"
        case .invalidUTF8(let byte, let line): "invalid UTF-8 at byte \(byte) (line \(line))"
        case .system(let reason): reason
        }
    }
}
