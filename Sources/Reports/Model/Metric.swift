/// A named metric value, optionally checked against a goal.
///
/// ```swift
/// Metric(name: "roc_auc", value: 0.87123, decimals: 4, goal: ">= 0.85", passed: true)
/// ```
public struct Metric: Sendable, Equatable, Codable {
    /// The metric's name, e.g. `roc_auc`.
    public var name: String
    /// The value.
    public var value: Double
    /// How many decimals to show.
    public var decimals: Int
    /// The expectation as written by the author, e.g. `>= 0.85`, if any.
    public var goal: String?
    /// Whether the expectation held; `nil` when there is none.
    public var passed: Bool?

    /// Creates a metric.
    public init(name: String, value: Double, decimals: Int = 4, goal: String? = nil, passed: Bool? = nil) {
        self.name = name
        self.value = value
        self.decimals = decimals
        self.goal = goal
        self.passed = passed
    }
}
