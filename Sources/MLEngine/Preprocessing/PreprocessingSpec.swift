/// How features are turned into model inputs: the steps for every numeric and every
/// categorical feature, and optional replacements for single columns.
///
/// The default spec is the engine's historical behaviour: missing numbers filled with the
/// mean, categories one-hot encoded (missing or unknown ones as all zeros), numbers
/// standardised for logistic regression and left as they are for trees.
///
/// ```swift
/// var spec = PreprocessingSpec()
/// spec.numeric = NumericPreprocessing(imputation: .median, scaling: .minMax)
/// spec.columns["age"] = .numeric(NumericPreprocessing(binning: Binning(bins: 5)))
/// try spec.validate()
/// ```
///
/// In JSON (and notebooks) keys are snake_case:
/// `{"numeric": {"imputation": "median", "scaling": "min_max"}, "categorical": {"max_categories": 10},
///   "columns": {"age": {"numeric": {"binning": {"bins": 5}}}}}`; absent keys take defaults.
public struct PreprocessingSpec: Sendable, Equatable, Hashable {
    /// The steps for numeric features without a ``columns`` entry.
    public var numeric: NumericPreprocessing
    /// The steps for categorical features without a ``columns`` entry.
    public var categorical: CategoricalPreprocessing
    /// Steps for single features by name; each replaces the defaults for its type.
    public var columns: [String: ColumnPreprocessing]

    /// Creates a spec; every part defaults to the historical behaviour.
    public init(
        numeric: NumericPreprocessing = NumericPreprocessing(),
        categorical: CategoricalPreprocessing = CategoricalPreprocessing(),
        columns: [String: ColumnPreprocessing] = [:]
    ) {
        self.numeric = numeric
        self.categorical = categorical
        self.columns = columns
    }

    /// Checks every value, defaults first, then columns by name.
    /// - Throws: ``ModelError`` naming the part at fault, e.g.
    ///   ``column `age`: `bins` must be at least 2; got 1``.
    public func validate() throws(ModelError) {
        try numeric.validate(scope: "numeric features")
        try categorical.validate(scope: "categorical features")
        for name in columns.keys.sorted() {
            switch columns[name] {
            case .numeric(let steps): try steps.validate(scope: "column `\(name)`")
            case .categorical(let steps): try steps.validate(scope: "column `\(name)`")
            case nil: break
            }
        }
    }

    /// The spec with every ``Scaling/automatic`` replaced by what suits `kind`:
    /// ``Scaling/standard`` for logistic regression, ``Scaling/unscaled`` for a decision tree.
    public func resolved(for kind: ModelKind) -> PreprocessingSpec {
        resolvingAutomatic(as: kind == .logisticRegression ? .standard : .unscaled)
    }

    /// The spec with every ``Scaling/automatic`` replaced by `scaling`.
    func resolvingAutomatic(as scaling: Scaling) -> PreprocessingSpec {
        func resolve(_ steps: NumericPreprocessing) -> NumericPreprocessing {
            var steps = steps
            if steps.scaling == .automatic { steps.scaling = scaling }
            return steps
        }
        var spec = self
        spec.numeric = resolve(numeric)
        for (name, steps) in columns {
            if case .numeric(let numericSteps) = steps { spec.columns[name] = .numeric(resolve(numericSteps)) }
        }
        return spec
    }
}
