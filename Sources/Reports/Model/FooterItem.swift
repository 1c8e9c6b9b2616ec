/// One labelled fact of a report's footer, e.g. `seed: 42`.
public struct FooterItem: Sendable, Equatable, Codable {
    /// The label, e.g. `seed`.
    public var label: String
    /// The value, e.g. `42`.
    public var value: String

    /// Creates a footer item.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
