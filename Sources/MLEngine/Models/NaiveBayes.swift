import Foundation

/// Naive Bayes for classification over mixed columns: Gaussian for numeric columns (as
/// scikit-learn's `GaussianNB`) and categorical for the columns listed in
/// ``Hyperparameters/categoricalColumns`` (as `CategoricalNB`), combined in one joint
/// log-likelihood:
///
/// `log P(k | x) ∝ log P(k) + Σ_numeric log N(x_j; μ_kj, σ²_kj) + Σ_categorical log P(x_j | k)`.
///
/// - Class priors are the training class frequencies.
/// - Gaussian: `μ_kj`, `σ²_kj` are the class's mean and (population) variance, plus
///   `epsilon = var_smoothing × the largest variance of any numeric column`.
/// - Categorical: `P(c | k) = (count(k, c) + alpha) / (count(k) + alpha · categories_j)` with
///   `categories_j` the largest of the declared category count, `min_categories` and the largest
///   code seen + 1.
/// - A missing value (NaN numeric, negative category code) is left out of both the fit and
///   the prediction of that feature; so is a category code the model never heard of. (With no
///   missing values this is exactly scikit-learn's estimate.)
///
/// With only numeric columns it reproduces `GaussianNB`; with only categorical ones, `CategoricalNB`.
///
/// Serialised as JSON (``formatVersion`` 1): `formatVersion`, `task`, `inputCount`,
/// `logPriors` (one per class), `numericColumns` (column indices), `means` and `variances`
/// (class after class, one per numeric column; variances include epsilon), `epsilon`,
/// `categoricalColumns` (column indices), `categoryCounts` (per categorical column),
/// `logProbabilities` (class after class, each the categorical columns' log P(c | k) one after the other).
public struct NaiveBayes: Estimator {
    /// The current serialisation version.
    public static let currentFormatVersion = 1

    /// Settings; see ``parameterSpecs``.
    public struct Hyperparameters: Sendable, Equatable {
        /// Fraction of the largest numeric variance added to every variance (`var_smoothing`), >= 0.
        public var varianceSmoothing: Double
        /// Additive (Laplace) smoothing of category counts (`alpha`), > 0.
        public var alpha: Double
        /// The fewest categories assumed per categorical column (`min_categories`), or `nil`.
        public var minCategories: Int?
        /// Column index → category count of the columns treated as categorical (ordinal codes
        /// 0, 1, …, -1 for missing); filled from the encoder, not a notebook parameter.
        public var categoricalColumns: [Int: Int]

        /// Creates settings; the defaults are scikit-learn's.
        public init(varianceSmoothing: Double = 1e-9, alpha: Double = 1.0, minCategories: Int? = nil, categoricalColumns: [Int: Int] = [:]) {
            self.varianceSmoothing = varianceSmoothing
            self.alpha = alpha
            self.minCategories = minCategories
            self.categoricalColumns = categoricalColumns
        }

        /// The notebook parameters: `var_smoothing`, `alpha`, `min_categories`.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "var_smoothing", summary: "Fraction of the largest numeric variance added to every variance, for stability.",
                          defaultValue: .double(1e-9), rule: .nonNegativeNumber),
            ParameterSpec(name: "alpha", summary: "Additive (Laplace) smoothing of the category counts.",
                          defaultValue: .double(1.0), rule: .positiveNumber),
            ParameterSpec(name: "min_categories", summary: "The fewest categories assumed for each categorical column.",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
        ]

        /// Settings from parameters validated against ``parameterSpecs``; `categoricalColumns` starts empty.
        public init(resolved: [String: ParameterValue]) {
            let defaults = Hyperparameters()
            self.init(
                varianceSmoothing: resolved["var_smoothing"]?.doubleValue ?? defaults.varianceSmoothing,
                alpha: resolved["alpha"]?.doubleValue ?? defaults.alpha,
                minCategories: resolved["min_categories"]?.intValue
            )
        }
    }

    /// Binary or multiclass.
    public var task: LearningTask
    /// The number of encoded columns the model takes.
    public var inputCount: Int
    /// Log class priors.
    public var logPriors: [Double]
    /// The Gaussian columns, ascending.
    public var numericColumns: [Int]
    /// Per class, per numeric column: the mean.
    public var means: [Double]
    /// Per class, per numeric column: the variance plus ``epsilon``.
    public var variances: [Double]
    /// The variance added for stability.
    public var epsilon: Double
    /// The categorical columns, ascending.
    public var categoricalColumns: [Int]
    /// Categories per categorical column.
    public var categoryCounts: [Int]
    /// Per class, the categorical columns' log P(category | class), column after column.
    public var logProbabilities: [Double]

    /// Naive Bayes defines no feature importances.
    public var featureImportances: [Double]? { nil }

    /// Fits the model; `seed` is unused.
    /// - Throws: ``ModelError`` for a regression task, mismatched sizes, no rows, labels
    ///   outside the classes, a categorical column index out of range or a code that is not a
    ///   whole number, an infinite value, or a setting out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> NaiveBayes {
        guard task.isClassification else { throw ModelError("naive Bayes is a classifier; use a regression model for a numeric target") }
        guard x.rows == targets.count else { throw ModelError("got \(x.rows) rows of features but \(targets.count) targets") }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        try ClassLabels.validate(targets, task: task)
        guard hyperparameters.varianceSmoothing >= 0, hyperparameters.varianceSmoothing.isFinite else {
            throw ModelError("var_smoothing must be a number >= 0")
        }
        guard hyperparameters.alpha > 0, hyperparameters.alpha.isFinite else { throw ModelError("alpha must be a number > 0") }
        if let minimum = hyperparameters.minCategories, minimum < 1 { throw ModelError("min_categories must be an integer >= 1") }
        for (column, count) in hyperparameters.categoricalColumns where column < 0 || column >= x.columns || count < 0 {
            throw ModelError("categorical column \(column) (with \(count) categories) is not one of the \(x.columns) input columns")
        }
        guard !x.values.contains(where: \.isInfinite) else { throw ModelError("the features contain infinite values") }
        let categorical = hyperparameters.categoricalColumns.keys.sorted()
        let numeric = (0..<x.columns).filter { hyperparameters.categoricalColumns[$0] == nil }
        let classes = task.classCount
        var classCounts = [Double](repeating: 0, count: classes)
        for target in targets { classCounts[Int(target)] += 1 }
        let logPriors = classCounts.map { log($0) - log(Double(x.rows)) }
        let gaussian = Self.fitGaussian(x, targets: targets, classes: classes, columns: numeric, smoothing: hyperparameters.varianceSmoothing)
        let tables = try Self.fitCategorical(x, targets: targets, classes: classes, columns: categorical, hyperparameters: hyperparameters)
        return NaiveBayes(
            task: task, inputCount: x.columns, logPriors: logPriors, numericColumns: numeric,
            means: gaussian.means, variances: gaussian.variances, epsilon: gaussian.epsilon,
            categoricalColumns: categorical, categoryCounts: tables.counts, logProbabilities: tables.logProbabilities
        )
    }

    /// Class probabilities: P(class 1) per row (binary) or every class's, row after row.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the model.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
        let classes = logPriors.count
        let numericCount = numericColumns.count
        let categoryTotal = categoryCounts.reduce(0, +)
        var result = [Double](repeating: 0, count: x.rows * task.outputWidth)
        var joint = [Double](repeating: 0, count: classes)
        let twoPi = 2 * Double.pi
        for row in 0..<x.rows {
            let start = row * inputCount
            for k in 0..<classes {
                var sum = logPriors[k]
                for (f, column) in numericColumns.enumerated() {
                    let value = x.values[start + column]
                    guard !value.isNaN else { continue }
                    let variance = variances[k * numericCount + f]
                    let difference = value - means[k * numericCount + f]
                    sum -= 0.5 * log(twoPi * variance) + 0.5 * difference * difference / variance
                }
                var offset = k * categoryTotal
                for (f, column) in categoricalColumns.enumerated() {
                    let value = x.values[start + column]
                    if value >= 0, value < Double(categoryCounts[f]), value.rounded(.down) == value {
                        sum += logProbabilities[offset + Int(value)]
                    }
                    offset += categoryCounts[f]
                }
                joint[k] = sum
            }
            let largest = joint.max() ?? 0
            var total = 0.0
            for k in 0..<classes {
                joint[k] = exp(joint[k] - largest)
                total += joint[k]
            }
            if task == .binary {
                result[row] = joint[1] / total
            } else {
                for k in 0..<classes { result[row * classes + k] = joint[k] / total }
            }
        }
        return result
    }
}
