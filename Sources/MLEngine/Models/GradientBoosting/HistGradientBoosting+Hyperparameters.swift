import Foundation

extension HistGradientBoosting {
    /// When early stopping on a validation split is used.
    public enum EarlyStopping: String, Codable, Sendable, Equatable {
        /// On when the training matrix has more than 10,000 rows (scikit-learn's default).
        case auto
        /// Always on.
        case on = "true"
        /// Always off: every iteration runs on all rows.
        case off = "false"
    }

    /// The settings of a histogram gradient boosting fit; defaults as scikit-learn's
    /// `HistGradientBoostingClassifier` / `HistGradientBoostingRegressor`.
    public struct Hyperparameters: Sendable, Equatable {
        /// Shrinkage applied to every leaf value.
        public var learningRate: Double = 0.1
        /// The most boosting iterations (one tree per class per iteration for multiclass).
        public var maxIterations: Int = 100
        /// The most leaves per tree (leaf-wise growth stops there).
        public var maxLeafNodes: Int = 31
        /// The deepest a leaf may be (root depth 0); `nil` for no limit.
        public var maxDepth: Int?
        /// The fewest training rows in a leaf.
        public var minSamplesLeaf: Int = 20
        /// The smallest sum of hessians in a leaf.
        public var minHessianLeaf: Double = 1e-3
        /// L2 penalty on leaf values (λ in `-G / (H + λ)`).
        public var l2Regularization: Double = 0
        /// The most bins per numeric feature, missing values aside (2...255).
        public var maxBins: Int = 255
        /// The most categories sent to one side of a categorical split (LightGBM's `max_cat_threshold`).
        public var maxCategoryThreshold: Int = 32
        /// The share of the columns each tree may split on, drawn anew per tree from the seed
        /// (LightGBM's `feature_fraction`, XGBoost's `colsample_bytree`); 1 uses every column.
        public var columnFraction: Double = 1
        /// Whether to hold out a validation split and stop when its loss stalls.
        public var earlyStopping: EarlyStopping = .auto
        /// The share of rows held out for early stopping (stratified for classification).
        public var validationFraction: Double = 0.1
        /// Stop after this many iterations without an improvement larger than ``tolerance``.
        public var iterationsWithoutChange: Int = 10
        /// The smallest validation-loss decrease that counts as an improvement.
        public var tolerance: Double = 1e-7
        /// Worker threads for histogram building; `nil` means the active processor count.
        /// The model does not depend on it.
        public var threads: Int?
        /// Categorical input columns: column index → number of categories. Those columns
        /// hold category codes (0, 1, …; negative or NaN for missing) and are split natively.
        public var categoricalColumns: [Int: Int] = [:]

        /// Creates settings; every argument defaults to scikit-learn's value.
        public init(
            learningRate: Double = 0.1, maxIterations: Int = 100, maxLeafNodes: Int = 31, maxDepth: Int? = nil,
            minSamplesLeaf: Int = 20, l2Regularization: Double = 0, maxBins: Int = 255,
            earlyStopping: EarlyStopping = .auto, validationFraction: Double = 0.1, iterationsWithoutChange: Int = 10,
            tolerance: Double = 1e-7, threads: Int? = nil, categoricalColumns: [Int: Int] = [:]
        ) {
            self.learningRate = learningRate
            self.maxIterations = maxIterations
            self.maxLeafNodes = maxLeafNodes
            self.maxDepth = maxDepth
            self.minSamplesLeaf = minSamplesLeaf
            self.l2Regularization = l2Regularization
            self.maxBins = maxBins
            self.earlyStopping = earlyStopping
            self.validationFraction = validationFraction
            self.iterationsWithoutChange = iterationsWithoutChange
            self.tolerance = tolerance
            self.threads = threads
            self.categoricalColumns = categoricalColumns
        }

        /// The notebook parameters, snake_case and with scikit-learn's defaults.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "learning_rate", summary: "Shrinkage applied to every leaf value.",
                          defaultValue: .double(0.1), rule: .positiveNumber),
            ParameterSpec(name: "max_iter", summary: "The most boosting iterations.",
                          defaultValue: .int(100), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "max_leaf_nodes", summary: "The most leaves per tree.",
                          defaultValue: .int(31), rule: .integer(atLeast: 2)),
            ParameterSpec(name: "max_depth", summary: "The deepest a leaf may be (the root is depth 0).",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
            ParameterSpec(name: "min_samples_leaf", summary: "The fewest training rows in a leaf.",
                          defaultValue: .int(20), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "l2_regularization", summary: "L2 penalty on leaf values.",
                          defaultValue: .double(0), rule: .nonNegativeNumber),
            ParameterSpec(name: "max_bins", summary: "The most bins per numeric feature, missing values aside.",
                          defaultValue: .int(255), rule: .integerInRange(2, 255)),
            ParameterSpec(name: "max_cat_threshold", summary: "The most categories sent left by one categorical split.",
                          defaultValue: .int(32), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "colsample_bytree", summary: "The share of the columns each tree may split on, drawn per tree (default all).",
                          defaultValue: nil, rule: .unitFraction),
            ParameterSpec(name: "early_stopping", summary: "Stop when the validation loss stalls; \"auto\" is on above 10,000 rows.",
                          defaultValue: .string("auto"), rule: .boolOrAuto),
            ParameterSpec(name: "validation_fraction", summary: "The share of rows held out for early stopping.",
                          defaultValue: .double(0.1), rule: .openFraction),
            ParameterSpec(name: "n_iter_no_change", summary: "Iterations without improvement before stopping.",
                          defaultValue: .int(10), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "tol", summary: "The smallest validation-loss decrease that counts as an improvement.",
                          defaultValue: .double(1e-7), rule: .nonNegativeNumber),
            ParameterSpec(name: "threads", summary: "Worker threads (\"none\": all cores); results do not depend on it.",
                          defaultValue: nil, rule: .optionalInteger(atLeast: 1)),
        ]

        /// Settings from parameters already validated against ``parameterSpecs``
        /// (absent optional ones mean "no limit"); `categoricalColumns` is set by the caller.
        public init(resolved: [String: ParameterValue]) {
            self.init()
            if let value = resolved["learning_rate"]?.doubleValue { learningRate = value }
            if let value = resolved["max_iter"]?.intValue { maxIterations = value }
            if let value = resolved["max_leaf_nodes"]?.intValue { maxLeafNodes = value }
            maxDepth = resolved["max_depth"]?.intValue
            if let value = resolved["min_samples_leaf"]?.intValue { minSamplesLeaf = value }
            if let value = resolved["l2_regularization"]?.doubleValue { l2Regularization = value }
            if let value = resolved["max_bins"]?.intValue { maxBins = value }
            if let value = resolved["max_cat_threshold"]?.intValue { maxCategoryThreshold = value }
            if let value = resolved["colsample_bytree"]?.doubleValue { columnFraction = value }
            switch resolved["early_stopping"] {
            case .bool(let flag)?: earlyStopping = flag ? .on : .off
            default: earlyStopping = .auto
            }
            if let value = resolved["validation_fraction"]?.doubleValue { validationFraction = value }
            if let value = resolved["n_iter_no_change"]?.intValue { iterationsWithoutChange = value }
            if let value = resolved["tol"]?.doubleValue { tolerance = value }
            threads = resolved["threads"]?.intValue
        }

        /// Checks values that may come from code rather than validated notebook parameters.
        func validate(columns: Int) throws(ModelError) {
            if !(learningRate.isFinite && learningRate > 0) { throw ModelError("`learning_rate` must be a number > 0; got \(learningRate)") }
            if maxIterations < 1 { throw ModelError("`max_iter` must be an integer >= 1; got \(maxIterations)") }
            if maxLeafNodes < 2 { throw ModelError("`max_leaf_nodes` must be an integer >= 2; got \(maxLeafNodes)") }
            if let maxDepth, maxDepth < 1 { throw ModelError("`max_depth` must be an integer >= 1, or \"none\"; got \(maxDepth)") }
            if minSamplesLeaf < 1 { throw ModelError("`min_samples_leaf` must be an integer >= 1; got \(minSamplesLeaf)") }
            if !(l2Regularization.isFinite && l2Regularization >= 0) {
                throw ModelError("`l2_regularization` must be a number >= 0; got \(l2Regularization)")
            }
            if !(2...255).contains(maxBins) { throw ModelError("`max_bins` must be an integer in [2, 255]; got \(maxBins)") }
            if maxCategoryThreshold < 1 { throw ModelError("`max_cat_threshold` must be an integer >= 1; got \(maxCategoryThreshold)") }
            if !(columnFraction > 0 && columnFraction <= 1) {
                throw ModelError("`colsample_bytree` must be a number in (0, 1]; got \(columnFraction)")
            }
            if !(validationFraction > 0 && validationFraction < 1) {
                throw ModelError("`validation_fraction` must be a number in (0, 1); got \(validationFraction)")
            }
            if iterationsWithoutChange < 1 { throw ModelError("`n_iter_no_change` must be an integer >= 1; got \(iterationsWithoutChange)") }
            if !(tolerance.isFinite && tolerance >= 0) { throw ModelError("`tol` must be a number >= 0; got \(tolerance)") }
            if let threads, threads < 1 { throw ModelError("`threads` must be an integer >= 1, or \"none\"; got \(threads)") }
            for (column, count) in categoricalColumns.sorted(by: { $0.key < $1.key }) {
                if column < 0 || column >= columns {
                    throw ModelError("categorical column \(column) is not a column of the matrix (0..<\(columns))")
                }
                if count > 255 {
                    throw ModelError("categorical column \(column) has \(count) categories; at most 255 are split natively, so encode it one_hot instead")
                }
            }
        }

        /// The threads actually used.
        var resolvedThreads: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }
    }
}
