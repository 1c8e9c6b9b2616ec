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
    /// Where in `file`; `nil` for a problem with the whole file (it cannot be read or written).
    public var location: SourceLocation?
    /// The command-line argument the problem is about (`-p depth=x`), shown before the message.
    public var origin: String?
    /// One sentence, lower-case start, no trailing period.
    public var message: String
    /// The offending source line, shown under the message with a caret.
    public var sourceLine: String?
    /// An extra hint, e.g. "did you mean `split`?".
    public var hint: String?

    public init(
        _ severity: Severity = .error, file: String, location: SourceLocation?, message: String,
        sourceLine: String? = nil, hint: String? = nil, origin: String? = nil
    ) {
        self.origin = origin
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.hint = hint
    }

    /// The one-line summary: `file:line:col: error: message`.
    public var headline: String { headline(severityLabel: \.rawValue) }

    /// The headline with the severity word as `severityLabel` spells it (a terminal colours it).
    public func headline(severityLabel: (Severity) -> String) -> String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        return "\(place): \(severityLabel(severity)): " + (origin.map { "\($0): " } ?? "") + message
    }

    /// The full text: headline, then the source line with a caret, then the hint.
    public var description: String { rendered(severityLabel: \.rawValue) }

    /// The full text with the severity word as `severityLabel` spells it.
    public func rendered(severityLabel: (Severity) -> String) -> String {
        var text = headline(severityLabel: severityLabel)
        if let sourceLine, let location {
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
