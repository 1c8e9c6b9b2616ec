/// The kinds of model the engine can train, named as in notebooks.
///
/// Each kind's parameters, with their defaults and allowed values, are in ``parameters``
/// (scikit-learn's names and defaults); the README's directive reference lists them.
public enum ModelKind: String, Codable, Sendable, CaseIterable {
    /// Logistic regression, binary or multinomial, with an L2, L1 or no penalty (``LogisticRegression``).
    case logisticRegression = "logistic_regression"
    /// A CART tree (``DecisionTree``).
    case decisionTree = "decision_tree"
    /// A random forest of CART trees on bootstrap samples, grown on every core (``RandomForest``).
    case randomForest = "random_forest"
    /// Histogram gradient boosting in the LightGBM design: binned features, leaf-wise trees,
    /// native missing values and categories, early stopping (``HistGradientBoosting``).
    case gradientBoosting = "gradient_boosting"
    /// Least squares, ridge (L2) or lasso (L1) regression (``LinearRegression``).
    case linearRegression = "linear_regression"
    /// k-nearest neighbours by brute force (``KNearestNeighbors``).
    case kNearestNeighbors = "k_nearest_neighbors"
    /// Gaussian naive Bayes on numeric columns and categorical naive Bayes on categories (``NaiveBayes``).
    case naiveBayes = "naive_bayes"

    /// The parameters this kind accepts, in documentation order.
    public var parameters: [ParameterSpec] {
        switch self {
        case .logisticRegression: LogisticRegression.Hyperparameters.parameterSpecs
        case .decisionTree: DecisionTree.Hyperparameters.parameterSpecs
        case .randomForest: RandomForest.Hyperparameters.parameterSpecs
        case .gradientBoosting: HistGradientBoosting.Hyperparameters.parameterSpecs
        case .linearRegression: LinearRegression.Hyperparameters.parameterSpecs
        case .kNearestNeighbors: KNearestNeighbors.Hyperparameters.parameterSpecs
        case .naiveBayes: NaiveBayes.Hyperparameters.parameterSpecs
        }
    }

    /// The preprocessing a notebook gets for this kind when it leaves a choice open: scaled
    /// inputs for models that compare magnitudes, ordinal categories for models that treat
    /// categories natively, and missing values kept only for models that handle them.
    public var preprocessingDefaults: (scaling: Scaling, imputation: NumericImputation, encoding: CategoricalEncoding) {
        switch self {
        case .logisticRegression, .linearRegression, .kNearestNeighbors: (.standard, .mean, .oneHot)
        case .decisionTree, .randomForest: (.unscaled, .mean, .oneHot)
        case .naiveBayes: (.unscaled, .mean, .ordinal)
        case .gradientBoosting: (.unscaled, .none, .ordinal)
        }
    }

    /// Whether the model takes `nan` inputs (missing values) natively.
    public var handlesMissingValues: Bool { self == .gradientBoosting }

    /// What ``TrainedModel/featureImportances()`` measures for this kind, for chart labels;
    /// `nil` when the kind defines no importances.
    public var importanceMeaning: String? {
        switch self {
        case .logisticRegression, .linearRegression: "|coefficient| on the encoded inputs (share)"
        case .decisionTree, .randomForest: "impurity decrease (share)"
        case .gradientBoosting: "split gain (share)"
        case .kNearestNeighbors, .naiveBayes: nil
        }
    }

    /// The tasks this kind can learn.
    public var tasks: [LearningTask.Family] {
        switch self {
        case .logisticRegression, .naiveBayes: [.binary, .multiclass]
        case .linearRegression: [.regression]
        case .decisionTree, .randomForest, .gradientBoosting, .kNearestNeighbors: [.binary, .multiclass, .regression]
        }
    }

    /// - Throws: ``ModelError`` when this kind cannot learn `task` (the target `target`'s task).
    func require(_ task: LearningTask, target: String) throws(ModelError) {
        guard !tasks.contains(task.family) else { return }
        let what = switch task.family {
        case .binary: "a two-class target"
        case .multiclass: "a target with \(task.classCount) classes"
        case .regression: "a numeric (regression) target"
        }
        throw ModelError(
            "`\(rawValue)` cannot learn \(what) such as `\(target)`; it handles "
                + tasks.map(\.description).joined(separator: " and ") + " tasks")
    }
}
