#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FileKinds

/// Reads a notebook's (or a parameter file's) text, saying why when it cannot.
///
/// Only regular files are read: the path is opened with `O_NONBLOCK` (a FIFO never blocks)
/// and checked with `fstat`, so `/dev/zero` or a directory fail at once.
///
/// ```swift
/// do { let text = try NotebookSource.read(path: "nb.md") } catch { print("cannot read the notebook: \(error)") }
/// ```
public enum NotebookSource {
    /// The file's text.
    public static func read(path: String) throws(NotebookReadError) -> String {
        let descriptor: Int32
        switch RegularFile.open(path) {
        case .success(let opened): descriptor = opened.descriptor
        case .failure(.system(let code)): throw failure(code)
        case .failure(.notRegular(let kind)): throw .notRegularFile(kind: kind)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { RegularFile.read(descriptor, into: $0.baseAddress, count: $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return try decode(bytes)
    }

    /// `bytes` as UTF-8 text, or where the first invalid byte is.
    public static func decode(_ bytes: [UInt8]) throws(NotebookReadError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") { line += 1 }
                offset += scalar.count
            case .error:
                throw .invalidUTF8(byte: offset, line: line)
            case .emptyInput:
                throw .invalidUTF8(byte: offset, line: line)
            }
        }
    }


    private static func failure(_ code: Int32) -> NotebookReadError {
        switch code {
        case ENOENT, ENOTDIR: return .noSuchFile
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .notRegularFile(kind: "a directory")
        default:
            let reason = String(cString: strerror(code))
            return .system(reason.prefix(1).lowercased() + reason.dropFirst())
        }
    }
}
