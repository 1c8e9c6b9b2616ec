/// A fitted transformation from named `DataFrame` columns to a dense ``FeatureMatrix``.
///
/// - Numeric features: a missing value becomes the training mean; with `standardize`
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
public struct FeatureEncoder: Codable, Sendable, Equatable {
    /// Per-feature numbers learned from the training data (numeric features only).
    struct NumericScaling: Codable, Sendable, Equatable {
        /// Training mean of the non-missing values.
        var mean: Double
        /// Subtracted before scaling: the mean when standardising, else 0.
        var center: Double
        /// Divisor: the standard deviation when standardising (1 for a constant column), else 1.
        var scale: Double
    }

    /// The features, their types and training categories.
    public let schema: FeatureSchema
    /// Whether numeric features are standardised.
    public let standardize: Bool
    /// One entry per schema feature: scaling for numeric features, `nil` for categorical ones.
    let scalings: [NumericScaling?]

    /// Learns an encoding from the training frame.
    /// - Parameters:
    ///   - frame: the training data.
    ///   - features: the columns to use, in model order.
    ///   - target: the label column, which may not be used as a feature.
    ///   - standardize: whether to standardise numeric features (use it for linear models).
    /// - Throws: ``ModelError`` when no feature is given, a name repeats or is not a column,
    ///   the target is among the features, or a numeric feature holds infinite values.
    public static func fit(
        frame: DataFrame, features: [String], target: String? = nil, standardize: Bool
    ) throws(ModelError) -> FeatureEncoder {
        if features.isEmpty {
            throw ModelError("no features selected; list at least one column to train on")
        }
        var seen = Set<String>()
        var schemaFeatures: [FeatureSchema.Feature] = []
        var scalings: [NumericScaling?] = []
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
            switch column {
            case .numeric(let numeric):
                if numeric.values.contains(where: \.isInfinite) {
                    throw ModelError("numeric feature `\(name)` contains infinite values")
                }
                schemaFeatures.append(.init(name: name, type: .numeric))
                scalings.append(scaling(of: numeric.values, standardize: standardize))
            case .categorical(let categorical):
                schemaFeatures.append(.init(name: name, type: .categorical, categories: usedCategories(of: categorical)))
                scalings.append(nil)
            }
        }
        return FeatureEncoder(schema: FeatureSchema(features: schemaFeatures), standardize: standardize, scalings: scalings)
    }

    /// The names of the encoded columns: a numeric feature's name, or `feature=category`.
    public var outputNames: [String] {
        schema.features.flatMap { feature in
            feature.categories.map { $0.map { "\(feature.name)=\($0)" } } ?? [feature.name]
        }
    }

    /// For each encoded column, the index in ``schema`` of the feature it comes from.
    public var outputFeatureIndices: [Int] {
        schema.features.enumerated().flatMap { index, feature in
            Array(repeating: index, count: feature.categories?.count ?? 1)
        }
    }

    /// Number of encoded columns.
    public var outputCount: Int {
        schema.features.reduce(0) { $0 + ($1.categories?.count ?? 1) }
    }

    private static func scaling(of values: [Double], standardize: Bool) -> NumericScaling {
        var sum = 0.0
        var count = 0
        for value in values where !value.isNaN {
            sum += value
            count += 1
        }
        let mean = count > 0 ? sum / Double(count) : 0
        guard standardize else { return NumericScaling(mean: mean, center: 0, scale: 1) }
        var squares = 0.0
        for value in values where !value.isNaN {
            squares += (value - mean) * (value - mean)
        }
        // Filled values sit at the mean: they add rows but no squared deviation.
        let std = values.isEmpty ? 0 : (squares / Double(values.count)).squareRoot()
        let scale = std.isFinite && std > 10 * Double.ulpOfOne ? std : 1
        return NumericScaling(mean: mean, center: mean, scale: scale)
    }

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
