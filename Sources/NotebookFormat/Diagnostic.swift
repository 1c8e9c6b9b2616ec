/// A located problem in a notebook: `file:line:col: error: message`.
///
/// Diagnostics are collected while a notebook is parsed and checked, never thrown one
/// at a time, so `labbook check` can report all of them at once.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Equatable {
        case error, warning
    }

    public var severity: Severity
    /// The file as the user named it (never made absolute).
    public var file: String
    public var location: SourceLocation
    /// One sentence, lower-case start, no trailing period.
    public var message: String
    /// The offending source line, shown under the message with a caret.
    public var sourceLine: String?
    /// An extra hint, e.g. "did you mean `split`?".
    public var hint: String?

    public init(
        _ severity: Severity = .error, file: String, location: SourceLocation, message: String,
        sourceLine: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// The one-line summary: `file:line:col: error: message`.
    public var headline: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    /// The full text: headline, then the source line with a caret, then the hint.
    public var description: String {
        var text = headline
        if let sourceLine {
            let gutter = String(location.line)
            let pad = String(repeating: " ", count: gutter.count)
            let caretIndent = String(sourceLine.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            text += "\n \(gutter) | \(sourceLine)\n \(pad) | \(caretIndent)^"
        }
        if let hint {
            text += "\n \(hint)"
        }
        return text
    }
}
