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

    /// The spec with every choice left open (``Scaling/automatic``, no imputation, no
    /// categorical encoding) made as suits `kind` (see ``ModelKind/preprocessingDefaults``).
    public func resolved(for kind: ModelKind) -> PreprocessingSpec {
        let defaults = kind.preprocessingDefaults
        return resolvingAutomatic(as: defaults.scaling, imputation: defaults.imputation, encoding: defaults.encoding)
    }

    /// The spec with every ``Scaling/automatic`` replaced by `scaling`, and every imputation and
    /// encoding left open set to `imputation` and `encoding`.
    func resolvingAutomatic(
        as scaling: Scaling, imputation: NumericImputation = .mean, encoding: CategoricalEncoding = .oneHot
    ) -> PreprocessingSpec {
        func resolve(_ steps: NumericPreprocessing) -> NumericPreprocessing {
            var steps = steps
            if steps.scaling == .automatic { steps.scaling = scaling }
            if steps.imputationChoice == nil { steps.imputationChoice = steps.binning == nil ? imputation : .mean }
            return steps
        }
        func resolve(_ steps: CategoricalPreprocessing) -> CategoricalPreprocessing {
            var steps = steps
            if steps.encodingChoice == nil { steps.encodingChoice = steps.maxCategories == nil ? encoding : .oneHot }
            return steps
        }
        var spec = self
        spec.numeric = resolve(numeric)
        spec.categorical = resolve(categorical)
        for (name, steps) in columns {
            switch steps {
            case .numeric(let numericSteps): spec.columns[name] = .numeric(resolve(numericSteps))
            case .categorical(let categoricalSteps): spec.columns[name] = .categorical(resolve(categoricalSteps))
            }
        }
        return spec
    }
}
