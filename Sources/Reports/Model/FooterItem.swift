/// One labelled fact of a report's footer, e.g. `seed: 42`.
public struct FooterItem: Sendable, Equatable, Codable {
    /// The label, e.g. `seed`.
    public var label: String
    /// The value, e.g. `42`.
    public var value: String
    /// A relative address the value links to (HTML) or is listed with (Markdown), e.g.
    /// `income.run.json`; `nil` for plain values.
    public var link: String?

    /// Creates a footer item.
    public init(label: String, value: String, link: String? = nil) {
        self.label = label
        self.value = value
        self.link = link
    }
}
