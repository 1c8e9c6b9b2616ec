/// How a directive's execution ended.
public enum DirectiveStatus: Sendable, Equatable, Codable {
    /// The directive ran (or was served from cache) without error.
    case succeeded
    /// The directive failed; the associated text is the error message. A
    /// multi-line message (e.g. a located error with a caret line) is shown
    /// preformatted; a one-line message may mark code with backticks.
    case failed(String)
    /// The directive did not run; the associated text says why (shown like a
    /// failure message).
    case skipped(String)
}
