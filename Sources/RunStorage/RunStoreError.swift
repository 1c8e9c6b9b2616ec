/// A run store that cannot be opened, read or written; the message names the file (or the
/// PostgreSQL URL, without its password) and the cause.
public struct RunStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
