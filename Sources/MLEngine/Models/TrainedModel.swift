/// A trained binary classifier with everything needed to use it on new data:
/// the feature encoding, the target's labels, the parameters and the learned model.
///
/// ```swift
/// let model = try TrainedModel.train(
///     kind: .decisionTree, parameters: ["max_depth": .int(8)],
///     frame: train, features: ["age", "workclass"], target: "income", positive: ">50K")
/// let probabilities = try model.predictProbabilities(test)
/// ```
public struct TrainedModel: Codable, Sendable, Equatable {
    /// The kind of model.
    public let kind: ModelKind
    /// The resolved parameters, defaults included (see ``ModelParameters/resolve(kind:params:)``).
    public let parameters: [String: ParameterValue]
    /// The fitted feature encoding.
    public let encoder: FeatureEncoder
    /// The name of the label column.
    public let target: String
    /// The label predicted as positive.
    public let positiveLabel: String
    /// The other label when the training target had exactly two values, else `nil`.
    public let negativeLabel: String?
    /// The learned model.
    public let model: FittedModel
    /// Things the user should know about the fit, e.g. that the solver did not converge.
    public let warnings: [String]

    /// The feature column names, in model order.
    public var features: [String] { encoder.schema.names }

    /// Trains a model of `kind` on `frame`.
    /// - Parameters:
    ///   - parameters: notebook parameters by name (see ``ModelKind``); missing ones take defaults.
    ///   - features: the input columns, in order; numeric or categorical.
    ///   - target: the label column; rows equal to `positive` are the positive class.
    ///   - preprocessing: how features become model inputs; the default is mean imputation,
    ///     one-hot categories, and standard scaling for logistic regression only. Its
    ///     ``Scaling/automatic`` choices are resolved for `kind`; the fitted steps are stored in
    ///     ``encoder`` and so in the model bundle.
    /// - Throws: ``ModelError`` for bad parameters, an invalid preprocessing spec, missing or
    ///   mistyped columns, or an unusable target.
    public static func train(
        kind: ModelKind, parameters: [String: ParameterValue], frame: DataFrame,
        features: [String], target: String, positive: String,
        preprocessing: PreprocessingSpec = PreprocessingSpec()
    ) throws(ModelError) -> TrainedModel {
        let resolved = try ModelParameters.resolve(kind: kind, params: parameters)
        guard let targetColumn = frame.column(named: target) else {
            throw ModelError("the target `\(target)` is not a column of the data; columns are: \(FeatureEncoder.listing(frame.columnNames))")
        }
        if frame.rowCount == 0 { throw ModelError("cannot train on an empty dataset") }
        let labels = try BinaryTarget.encode(targetColumn, positive: positive)
        let encoder = try FeatureEncoder.fit(
            frame: frame, features: features, target: target, preprocessing: preprocessing.resolved(for: kind)
        )
        let matrix = try encoder.transform(frame)
        var warnings = emptyFeatureWarnings(frame: frame, features: features)
        let model: FittedModel
        switch kind {
        case .logisticRegression:
            let settings = ModelParameters.logisticHyperparameters(resolved)
            let fitted = try LogisticRegression.fit(matrix, labels: labels, hyperparameters: settings)
            if !fitted.converged {
                warnings.append(
                    "logistic regression did not converge in \(fitted.iterations) iterations "
                        + "(gradient \(fitted.gradientNorm) > tol \(settings.tolerance)); raise max_iter or lower C"
                )
            }
            model = .logisticRegression(fitted)
        case .decisionTree:
            model = .decisionTree(try DecisionTree.fit(matrix, labels: labels, hyperparameters: ModelParameters.treeHyperparameters(resolved)))
        }
        return TrainedModel(
            kind: kind, parameters: resolved, encoder: encoder, target: target, positiveLabel: positive,
            negativeLabel: BinaryTarget.negativeLabel(of: targetColumn, positive: positive),
            model: model, warnings: warnings
        )
    }

    /// The positive-class probability for every row of `frame`.
    /// - Throws: ``ModelError`` when a feature column is absent or has the wrong type.
    public func predictProbabilities(_ frame: DataFrame) throws(ModelError) -> [Double] {
        try model.probabilities(encoder.transform(frame))
    }

    /// Whether each row of `frame` is predicted positive (probability >= 0.5).
    /// - Throws: ``ModelError`` as ``predictProbabilities(_:)``.
    public func predict(_ frame: DataFrame) throws(ModelError) -> [Bool] {
        try predictProbabilities(frame).map { $0 >= 0.5 }
    }

    private static func emptyFeatureWarnings(frame: DataFrame, features: [String]) -> [String] {
        features.compactMap { name in
            guard let column = frame.column(named: name) else { return nil }
            let missing = switch column {
            case .numeric(let numeric): numeric.missingCount
            case .categorical(let categorical): categorical.missingCount
            }
            return missing == column.count ? "feature `\(name)` has no values in the training data and carries no information" : nil
        }
    }
}
