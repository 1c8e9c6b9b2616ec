/// A fitted transformation from named `DataFrame` columns to a dense ``FeatureMatrix``,
/// following a ``PreprocessingSpec``.
///
/// Each feature gets its fitted steps (``FeatureTransform``), learned once from the training
/// data and stored in the model bundle, so that prediction applies exactly what training did.
/// With the default spec:
/// - Numeric features: a missing value becomes the training mean; with standard scaling
///   the column is then centred and divided by its population standard deviation
///   (computed after filling, as scikit-learn's `SimpleImputer` + `StandardScaler` do;
///   a constant column is only centred).
/// - Categorical features: one column per training category (sorted), 1 for the row's
///   category and 0 elsewhere. A missing or unseen category encodes as all zeros.
///
/// ```swift
/// let encoder = try FeatureEncoder.fit(frame: train, features: ["age", "workclass"], standardize: true)
/// let matrix = try encoder.transform(test)
/// ```
public struct FeatureEncoder: Sendable, Equatable {
    /// The version of the encoder's stored layout; 2 since per-feature preprocessing.
    /// Version 1 (`schema`, `standardize`, `scalings`, without a `formatVersion`) still loads.
    public static let formatVersion = 2

    /// The features, their types and training categories.
    public let schema: FeatureSchema
    /// The spec the encoder was fitted with, with ``Scaling/automatic`` resolved.
    public let preprocessing: PreprocessingSpec
    /// The fitted steps, one per schema feature.
    public let transforms: [FeatureTransform]

    init(schema: FeatureSchema, preprocessing: PreprocessingSpec, transforms: [FeatureTransform]) {
        self.schema = schema
        self.preprocessing = preprocessing
        self.transforms = transforms
    }

    /// Whether numeric features without a column entry are standardised.
    public var standardize: Bool { preprocessing.numeric.scaling == .standard }

    /// Learns the historical encoding: mean imputation, one-hot categories, and standard
    /// scaling when `standardize` (use it for linear models).
    /// - Throws: ``ModelError`` as ``fit(frame:features:target:preprocessing:)``.
    public static func fit(
        frame: DataFrame, features: [String], target: String? = nil, standardize: Bool
    ) throws(ModelError) -> FeatureEncoder {
        let spec = PreprocessingSpec(numeric: NumericPreprocessing(scaling: standardize ? .standard : .unscaled))
        return try fit(frame: frame, features: features, target: target, preprocessing: spec)
    }

    /// Learns an encoding from the training frame.
    /// - Parameters:
    ///   - frame: the training data.
    ///   - features: the columns to use, in model order.
    ///   - target: the label column, which may not be used as a feature.
    ///   - preprocessing: the steps per feature type and column; ``Scaling/automatic`` counts as
    ///     ``Scaling/unscaled`` (use ``PreprocessingSpec/resolved(for:)`` to pick by model).
    /// - Throws: ``ModelError`` when no feature is given, a name repeats or is not a column,
    ///   the target is among the features, a numeric feature holds infinite values, or the
    ///   spec is invalid, names a column that is not a feature or has the wrong type for one.
    public static func fit(
        frame: DataFrame, features: [String], target: String? = nil, preprocessing: PreprocessingSpec
    ) throws(ModelError) -> FeatureEncoder {
        try preprocessing.validate()
        let spec = preprocessing.resolvingAutomatic(as: .unscaled)
        if features.isEmpty {
            throw ModelError("no features selected; list at least one column to train on")
        }
        var seen = Set<String>()
        var schemaFeatures: [FeatureSchema.Feature] = []
        var transforms: [FeatureTransform] = []
        for name in features {
            if name == target {
                throw ModelError("the target `\(name)` cannot also be a feature")
            }
            if !seen.insert(name).inserted {
                throw ModelError("feature `\(name)` is listed more than once")
            }
            guard let column = frame.column(named: name) else {
                throw ModelError("feature `\(name)` is not a column of the data; columns are: \(listing(frame.columnNames))")
            }
            switch (column, spec.columns[name]) {
            case (.numeric(let numeric), nil), (.numeric(let numeric), .numeric?):
                if numeric.values.contains(where: \.isInfinite) {
                    throw ModelError("numeric feature `\(name)` contains infinite values")
                }
                var steps = spec.numeric
                if case .numeric(let override)? = spec.columns[name] { steps = override }
                schemaFeatures.append(.init(name: name, type: .numeric))
                transforms.append(.numeric(NumericTransform.fit(numeric.values, steps: steps)))
            case (.categorical(let categorical), nil), (.categorical(let categorical), .categorical?):
                var steps = spec.categorical
                if case .categorical(let override)? = spec.columns[name] { steps = override }
                schemaFeatures.append(.init(name: name, type: .categorical, categories: usedCategories(of: categorical)))
                transforms.append(.categorical(CategoricalTransform.fit(categorical, steps: steps)))
            case (.numeric, .categorical?):
                throw ModelError("the preprocessing for column `\(name)` is categorical, but `\(name)` holds numbers")
            case (.categorical, .numeric?):
                throw ModelError("the preprocessing for column `\(name)` is numeric, but `\(name)` holds text")
            }
        }
        if let stray = spec.columns.keys.sorted().first(where: { !seen.contains($0) }) {
            throw ModelError("the preprocessing names column `\(stray)`, which is not a feature; features are: \(listing(features))")
        }
        return FeatureEncoder(schema: FeatureSchema(features: schemaFeatures), preprocessing: spec, transforms: transforms)
    }

    /// The names of the encoded columns: a numeric or ordinal feature's name, or
    /// `feature=category` for a one-hot column (`feature=(other)` for the "other" column).
    public var outputNames: [String] {
        zip(schema.features, transforms).flatMap { feature, transform in
            switch transform {
            case .numeric: [feature.name]
            case .categorical(let steps): steps.outputNames(feature: feature.name)
            }
        }
    }

    /// For each encoded column, the index in ``schema`` of the feature it comes from.
    public var outputFeatureIndices: [Int] {
        transforms.enumerated().flatMap { index, transform in Array(repeating: index, count: transform.outputCount) }
    }

    /// Number of encoded columns.
    public var outputCount: Int {
        transforms.reduce(0) { $0 + $1.outputCount }
    }

    /// The categories that occur in at least one row, sorted.
    private static func usedCategories(of column: CategoricalColumn) -> [String] {
        var used = [Bool](repeating: false, count: column.categories.count)
        for code in column.codes where code != CategoricalColumn.missingCode && Int(code) < used.count {
            used[Int(code)] = true
        }
        return Set(zip(column.categories, used).filter(\.1).map(\.0)).sorted()
    }

    static func listing(_ names: [String], limit: Int = 20) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? shown + ", … (\(names.count) in all)" : shown
    }
}
