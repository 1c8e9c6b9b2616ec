/// A titled group of metrics, e.g. one model's evaluation.
public struct MetricGroup: Sendable, Equatable, Codable {
    /// An optional caption, e.g. the model's name; backticks mark code.
    public var title: String?
    /// The metrics, in order.
    public var metrics: [Metric]

    /// Creates a metric group.
    public init(title: String? = nil, metrics: [Metric]) {
        self.title = title
        self.metrics = metrics
    }
}
