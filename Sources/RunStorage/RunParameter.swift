/// One notebook parameter of a run, after command-line overrides.
public struct RunParameter: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// Its value as text, e.g. `12`, `true`, `[a, b]`.
    public var value: String

    /// Creates a parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
