/// A callout attached to a directive: information, a warning or an error.
public struct Note: Sendable, Equatable, Codable {
    /// How serious a note is.
    public enum Level: String, Sendable, Equatable, Codable {
        /// Something worth knowing.
        case info
        /// Something that may be wrong.
        case warning
        /// Something that is wrong.
        case error
    }

    /// How serious the note is.
    public var level: Level
    /// The message: plain text, escaped on output. A one-line message may mark
    /// code with backticks; a multi-line one is shown preformatted, verbatim.
    public var message: String

    /// Creates a note.
    public init(level: Level, message: String) {
        self.level = level
        self.message = message
    }

    /// Creates a note: `Note(level: .warning, "12 rows dropped")`.
    public init(level: Level, _ message: String) {
        self.init(level: level, message: message)
    }
}
