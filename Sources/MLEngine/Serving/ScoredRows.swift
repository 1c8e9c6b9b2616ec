/// The outputs of ``RowScorer`` for some rows, with what they mean.
public struct ScoredRows: Sendable, Equatable {
    /// `rows * width` outputs, row after row (see ``LearningTask``).
    public var outputs: [Double]
    /// The number of rows.
    public var rows: Int
    /// Outputs per row.
    public var width: Int
    /// What the model predicts.
    public var task: LearningTask
    /// The class labels by index; empty for regression.
    public var classes: [String]

    /// The predicted label of `row`: the most probable class (binary: P(positive) >= 0.5),
    /// `nil` for regression.
    public func label(ofRow row: Int) -> String? {
        switch task {
        case .regression: return nil
        case .binary: return classes[outputs[row] >= 0.5 ? 1 : 0]
        case .multiclass(let count):
            var best = 0
            for index in 1..<count where outputs[row * count + index] > outputs[row * count + best] { best = index }
            return classes[best]
        }
    }

    /// The index of `row`'s predicted class (`nil` for regression).
    public func classIndex(ofRow row: Int) -> Int? {
        guard let label = label(ofRow: row) else { return nil }
        return classes.firstIndex(of: label)
    }
}
