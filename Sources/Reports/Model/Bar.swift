/// One bar of a bar chart.
public struct Bar: Sendable, Equatable, Codable {
    /// What the bar stands for, e.g. a category or a bin range `17–25`.
    public var label: String
    /// The bar's value, e.g. a count.
    public var value: Double

    /// Creates a bar.
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
