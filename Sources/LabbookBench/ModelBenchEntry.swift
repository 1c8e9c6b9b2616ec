import MLEngine

/// One model of the `models` benchmark: how its inputs are encoded and how it is fitted.
///
/// To add a model, append one entry to ``all`` (name, encoding, a fit closure returning
/// a predictor of P(class 1) per row).
struct ModelBenchEntry: Sendable {
    /// How the Adult frame becomes a matrix for this model.
    enum Encoding {
        /// One-hot categories, standardised numbers (linear models).
        case oneHotScaled
        /// Category codes (-1 for missing or unseen), numbers as they are (trees).
        case ordinal
    }

    /// A fitted model: P(class 1) for every row of a matrix, plus a line of facts about it.
    struct Fitted {
        var predict: (FeatureMatrix) throws(ModelError) -> [Double]
        var info: String
    }

    var name: String
    var encoding: Encoding
    /// Fits on a matrix, 0/1 labels and the categorical columns (column → category count).
    var fit: @Sendable (FeatureMatrix, [Double], [Int: Int]) throws(ModelError) -> Fitted

    static let all: [ModelBenchEntry] = [
        ModelBenchEntry(name: "LogisticRegression", encoding: .oneHotScaled) { x, y, _ throws(ModelError) in
            let model = try LogisticRegression.fit(x, labels: y)
            return Fitted(predict: { x throws(ModelError) in try model.probabilities(x) }, info: "iterations=\(model.iterations)")
        },
        ModelBenchEntry(name: "DecisionTree(max_depth=10)", encoding: .ordinal) { x, y, _ throws(ModelError) in
            let model = try DecisionTree.fit(x, labels: y, hyperparameters: .init(maxDepth: 10))
            return Fitted(predict: { x throws(ModelError) in try model.probabilities(x) }, info: "leaves=\(model.leafCount)")
        },
        ModelBenchEntry(name: "RandomForest(100, threads=2)", encoding: .ordinal) { x, y, _ throws(ModelError) in
            let model = try RandomForest.fit(
                x, targets: y, task: .binary, hyperparameters: .init(treeCount: 100, threads: 2), seed: 0)
            return Fitted(predict: { x throws(ModelError) in try model.predict(x) }, info: "trees=100")
        },
        ModelBenchEntry(name: "HistGradientBoosting", encoding: .ordinal) { x, y, categorical throws(ModelError) in
            var settings = HistGradientBoosting.Hyperparameters()
            settings.categoricalColumns = categorical
            let model = try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: settings, seed: 0)
            return Fitted(predict: { x throws(ModelError) in try model.predict(x) }, info: "iterations=\(model.iterations)")
        },
    ]
}
