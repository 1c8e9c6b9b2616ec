import Foundation

/// Histogram gradient boosting, the LightGBM / scikit-learn `HistGradientBoosting` design:
/// features pre-binned into at most 255 bins plus a missing bin, gradient histograms with
/// sibling subtraction, leaf-wise growth up to `max_leaf_nodes`, native missing values and
/// categorical splits, optional early stopping on a held-out validation split.
///
/// Losses follow the task: binary log-loss (starting from the log-odds of the prior),
/// multiclass softmax with one tree per class per iteration (starting from the log priors),
/// squared error (starting from the mean).
///
/// ```swift
/// var settings = HistGradientBoosting.Hyperparameters()
/// settings.categoricalColumns = [1: 8]   // column 1 holds codes of 8 categories
/// let model = try HistGradientBoosting.fit(x, targets: y, task: .binary, hyperparameters: settings, seed: 0)
/// let probabilities = try model.predict(test)
/// ```
public struct HistGradientBoosting: Estimator {
    /// The version of the stored layout (see ``HistGradientBoosting/encode(to:)``).
    public static let formatVersion = 1

    /// What the model predicts.
    public let task: LearningTask
    /// The number of matrix columns the model takes.
    public let inputCount: Int
    /// The starting raw score of each output (before any tree).
    public let baseline: [Double]
    /// Boosting iterations actually run (fewer than `max_iter` when stopped early).
    public let iterations: Int
    /// The validation loss before the first and after every iteration, when early stopping was on.
    public let validationLosses: [Double]
    /// Total split gain per column, normalised to sum 1 (all 0 without any split).
    public let featureImportances: [Double]?
    /// The trees.
    let ensemble: TreeEnsemble

    init(task: LearningTask, inputCount: Int, baseline: [Double], iterations: Int, validationLosses: [Double],
         featureImportances: [Double]?, ensemble: TreeEnsemble) {
        self.task = task
        self.inputCount = inputCount
        self.baseline = baseline
        self.iterations = iterations
        self.validationLosses = validationLosses
        self.featureImportances = featureImportances
        self.ensemble = ensemble
    }

    /// The number of trees (iterations × outputs).
    public var treeCount: Int { ensemble.roots.count }

    /// `x.rows * task.outputWidth` outputs: P(class 1), class probabilities (row-major) or values.
    /// - Throws: ``ModelError`` when `x.columns != inputCount`.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        var raw = try rawScores(x)
        let width = task.outputWidth
        switch task {
        case .binary:
            for i in 0..<raw.count { raw[i] = 1 / (1 + exp(-raw[i])) }
        case .regression:
            break
        case .multiclass:
            for r in 0..<x.rows {
                var largest = -Double.infinity
                for k in 0..<width { largest = max(largest, raw[r * width + k]) }
                var sum = 0.0
                for k in 0..<width {
                    raw[r * width + k] = exp(raw[r * width + k] - largest)
                    sum += raw[r * width + k]
                }
                for k in 0..<width { raw[r * width + k] /= sum }
            }
        }
        return raw
    }

    /// The summed raw scores (baseline plus trees) before the sigmoid or softmax, row-major.
    /// - Throws: ``ModelError`` when `x.columns != inputCount`.
    public func rawScores(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model takes \(inputCount) input columns, but the matrix has \(x.columns)")
        }
        let width = task.outputWidth
        var raw = [Double](repeating: 0, count: x.rows * width)
        guard x.rows > 0 else { return raw }
        raw.withUnsafeMutableBufferPointer { output in
            x.values.withUnsafeBufferPointer { values in
                guard let out = output.baseAddress, let input = values.baseAddress else { return }
                for r in 0..<x.rows {
                    for k in 0..<width { out[r * width + k] = baseline[k] }
                }
                ensemble.addRaw(values: input, rows: x.rows, columns: x.columns, width: width,
                                treeRange: 0..<ensemble.roots.count, into: out)
            }
        }
        return raw
    }
}

