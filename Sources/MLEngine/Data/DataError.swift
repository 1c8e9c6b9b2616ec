/// A problem with a data file or with data passed to the engine, in plain language.
///
/// `file` is what the caller passed as the display name (typically a path relative
/// to the notebook); absolute paths appear only if the caller passed one.
/// `line` is the 1-based physical line in the file (the header is line 1) when the
/// problem has one. ``description`` reads `"file.csv:12: message"` or
/// `"file.csv: message"`.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or dataset) name as shown to the user.
    public var file: String
    /// The 1-based physical line, when the problem has one.
    public var line: Int?
    /// What is wrong, in plain language, without the location.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `"file:line: message"`, or `"file: message"` without a line; just the
    /// message when `file` is empty (data that did not come from a file).
    public var description: String {
        switch (file.isEmpty, line) {
        case (false, let line?): "\(file):\(line): \(message)"
        case (false, nil): "\(file): \(message)"
        case (true, let line?): "line \(line): \(message)"
        case (true, nil): message
        }
    }
}
