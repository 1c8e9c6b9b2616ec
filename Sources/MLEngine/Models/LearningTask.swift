/// What a model learns to predict, and so the shape of its targets and outputs.
///
/// Targets are always `[Double]`, one per row:
/// - ``binary``: 0 or 1 (1 is the positive class); the output is one probability per row,
///   that of class 1.
/// - ``multiclass(classes:)``: the class index `0..<classes` as a `Double`; the output is
///   `classes` probabilities per row, row after row, each row summing to 1.
/// - ``regression``: any finite value; the output is one predicted value per row.
public enum LearningTask: Codable, Sendable, Equatable, Hashable {
    /// Two classes, 0 and 1.
    case binary
    /// Three or more classes, `0..<classes`.
    case multiclass(classes: Int)
    /// Real-valued targets.
    case regression

    /// How many numbers a model outputs per row.
    public var outputWidth: Int {
        switch self {
        case .binary, .regression: 1
        case .multiclass(let classes): classes
        }
    }

    /// Whether the model predicts classes (and so probabilities).
    public var isClassification: Bool { self != .regression }

    /// The task without its class count.
    public enum Family: String, Sendable, CaseIterable, CustomStringConvertible {
        case binary, multiclass, regression
        public var description: String {
            switch self {
            case .binary: "binary classification"
            case .multiclass: "multi-class classification"
            case .regression: "regression"
            }
        }
    }

    /// The task without its class count.
    public var family: Family {
        switch self {
        case .binary: .binary
        case .multiclass: .multiclass
        case .regression: .regression
        }
    }

    /// The number of classes; 0 for regression.
    public var classCount: Int {
        switch self {
        case .binary: 2
        case .multiclass(let classes): classes
        case .regression: 0
        }
    }
}

/// A learning algorithm's fitted state: trained from a ``FeatureMatrix`` and targets,
/// stored as documented JSON in the model bundle, and applied to new matrices.
///
/// Every estimator is deterministic: the same matrix, targets, hyperparameters and seed give
/// the same model bit for bit, whatever the number of threads used.
public protocol Estimator: Codable, Sendable, Equatable {
    /// The settings a fit takes (the notebook's parameters, resolved and typed).
    associatedtype Hyperparameters: Sendable

    /// Learns from `x` (one row per sample) and `targets` (see ``LearningTask``).
    /// - Parameter seed: the source of all randomness (bootstrap, feature sampling, splits).
    /// - Throws: ``ModelError`` for targets that do not fit `task` or an unusable matrix.
    static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> Self

    /// What the model predicts.
    var task: LearningTask { get }
    /// The number of matrix columns the model takes.
    var inputCount: Int { get }
    /// `x.rows * task.outputWidth` outputs, row after row (see ``LearningTask``).
    /// - Throws: ``ModelError`` when `x.columns != inputCount`.
    func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double]
    /// One non-negative importance per input column, summing to 1 (all 0 when the model
    /// uses no column), or `nil` when the algorithm defines none (e.g. k-nearest neighbours).
    var featureImportances: [Double]? { get }
}
