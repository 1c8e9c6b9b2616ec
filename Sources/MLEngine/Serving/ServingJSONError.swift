/// Why a request body is not JSON: what was expected and at which byte.
public struct ServingJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `expected a value`.
    public var message: String
    /// The zero-based byte offset where parsing stopped.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
