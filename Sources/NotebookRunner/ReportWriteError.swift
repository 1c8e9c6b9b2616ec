import Glibc

/// A report file that could not be written, as one plain line:
/// `reports/income.html: cannot write the report: No space left on device`.
public struct ReportWriteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The report file as the run names it (the output folder joined with the file name).
    public var path: String
    /// The system's reason, e.g. "No space left on device", "Not a directory".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The error for `path` from the C error number `code` (`errno`).
    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path): cannot write the report: \(reason)" }
}
