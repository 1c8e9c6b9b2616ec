/// The notebook's success criterion and whether the run met it.
///
/// ```swift
/// GoalStatus(metric: "roc_auc", target: ">= 0.85", achieved: "0.8712 (tree)", met: true)
/// ```
public struct GoalStatus: Sendable, Equatable, Codable {
    /// The metric the goal is stated in, e.g. `roc_auc`.
    public var metric: String
    /// The target as written by the author, e.g. `>= 0.85`.
    public var target: String
    /// The best value reached, with its source, e.g. `0.8712 (tree)`; `nil` when not measured.
    public var achieved: String?
    /// Whether the target was met; `nil` when it was not measured.
    public var met: Bool?

    /// Creates a goal status.
    public init(metric: String, target: String, achieved: String? = nil, met: Bool? = nil) {
        self.metric = metric
        self.target = target
        self.achieved = achieved
        self.met = met
    }
}
