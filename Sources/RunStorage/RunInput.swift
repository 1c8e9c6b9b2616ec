/// A data file a run read, with its content fingerprint.
public struct RunInput: Sendable, Equatable {
    /// The path as written in the notebook.
    public var path: String
    /// `sha256:…` of the file's content.
    public var fingerprint: String

    /// Creates an input.
    public init(path: String, fingerprint: String) {
        self.path = path
        self.fingerprint = fingerprint
    }
}
