/// A problem storing or loading a model bundle: a bad name, a missing version, a file error.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in plain language.
    public var message: String

    /// Creates an error with a plain-language message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
