/// A success criterion such as `>= 0.85` or `< 0.3`.
public struct GoalExpression: Sendable, Equatable {
    /// The comparison operator.
    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">=", atMost = "<=", greater = ">", less = "<", equal = "=="
    }

    public var comparison: Comparison
    public var threshold: Double

    /// Parses `text`; `nil` when it is not `OP NUMBER`.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        guard let comparison = Comparison.allCases.first(where: { trimmed.hasPrefix($0.rawValue) }),
            let threshold = Double(String(trimmed.dropFirst(comparison.rawValue.count)).trimmingSpaces())
        else { return nil }
        self.comparison = comparison
        self.threshold = threshold
    }

    /// Whether `value` meets the goal.
    public func isMet(by value: Double) -> Bool {
        switch comparison {
        case .atLeast: value >= threshold
        case .atMost: value <= threshold
        case .greater: value > threshold
        case .less: value < threshold
        case .equal: value == threshold
        }
    }
}
