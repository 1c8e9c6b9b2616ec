import MLEngine

/// The metric names `evaluate` understands, by task.
enum MetricCatalog {
    static let binary = [
        "accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "average_precision", "log_loss", "brier",
    ]
    static let multiclass = ["accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"]
    static let regression = ["mae", "rmse", "r2"]
    /// Every scalar metric, in display order.
    static let scalar: [String] = {
        var names: [String] = []
        for name in binary + multiclass + regression where !names.contains(name) { names.append(name) }
        return names
    }()
    /// Tables and charts rather than single numbers.
    static let views = ["confusion_matrix", "roc_curve", "calibration", "per_class", "processing"]
    static let all = scalar + views
    /// Other tools' names for our metrics, for "did you mean" hints.
    static let commonNames = [
        "auc": "roc_auc", "auroc": "roc_auc", "logloss": "log_loss", "ap": "average_precision", "f1_score": "f1",
        "mse": "rmse", "r_squared": "r2",
    ]
    /// Metrics where a smaller value is better.
    static let lowerIsBetter: Set<String> = ["log_loss", "brier", "mae", "rmse"]

    /// The scalar metrics defined for `task`.
    static func scalar(for task: LearningTask) -> [String] {
        switch task {
        case .binary: binary
        case .multiclass: multiclass
        case .regression: regression
        }
    }

    /// The metric that picks the best model: ROC AUC for classifiers, R² for regression,
    /// unless the notebook asked for neither.
    static func headline(among metrics: [String], task: LearningTask) -> String? {
        let preferred = task == .regression ? ["r2", "rmse", "mae"] : ["roc_auc", "accuracy", "f1"]
        return preferred.first(where: metrics.contains) ?? metrics.first
    }

    /// Whether `a` is a better value of `metric` than `b` (nan is never better).
    static func isBetter(_ a: Double, than b: Double, metric: String) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return lowerIsBetter.contains(metric) ? a < b : a > b
    }
}
