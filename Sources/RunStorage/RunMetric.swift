/// One evaluated metric: a model's score on a dataset (split).
public struct RunMetric: Sendable, Equatable {
    /// The model's name.
    public var model: String
    /// The dataset reference it was scored on, e.g. `census.test`.
    public var dataset: String
    /// The metric's name, e.g. `roc_auc`.
    public var metric: String
    /// The value.
    public var value: Double

    /// Creates a metric.
    public init(model: String, dataset: String, metric: String, value: Double) {
        self.model = model
        self.dataset = dataset
        self.metric = metric
        self.value = value
    }
}
