/// A problem with a model's inputs: bad parameters, a missing column, an unusable target.
///
/// The message is plain language meant for the person who wrote the notebook, e.g.
/// ``positive class ">50K" does not occur in column `income`; values are: "<=50K", ">50k"``.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and, where possible, how to fix it.
    public var message: String

    /// Creates an error with a plain-language message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
