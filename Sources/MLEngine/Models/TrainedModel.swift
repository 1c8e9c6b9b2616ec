/// A trained model with everything needed to use it on new data: the feature encoding,
/// the target's encoding (classes or a numeric value), the parameters and the learned model.
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
    /// How labels map to targets, and so the task (binary, multi-class, regression).
    public let targetEncoding: TargetEncoding
    /// The learned model.
    public let model: FittedModel
    /// Things the user should know about the fit, e.g. that the solver did not converge.
    public let warnings: [String]

    /// The feature column names, in model order.
    public var features: [String] { encoder.schema.names }
    /// What the model predicts.
    public var task: LearningTask { targetEncoding.task }
    /// The class labels by index; empty for regression.
    public var classes: [String] { targetEncoding.classes }
    /// The positive class of a binary model, else `nil`.
    public var positiveLabel: String? { targetEncoding.positiveLabel }
    /// The negative class of a binary model (`not X` when it stands for several values), else `nil`.
    public var negativeLabel: String? { task == .binary ? classes.first : nil }

    /// Trains a model of `kind` on `frame`.
    /// - Parameters:
    ///   - parameters: notebook parameters by name (see ``ModelKind``); missing ones take defaults.
    ///   - features: the input columns, in order; numeric or categorical.
    ///   - target: the label column; with `positive`, rows equal to it are the positive class;
    ///     without, the task follows from the column (see ``TargetEncoding``) or from `task`.
    ///   - seed: the source of the model's randomness (bootstrap samples, validation splits).
    ///   - preprocessing: how features become model inputs; the default is mean imputation,
    ///     one-hot categories, and standard scaling for logistic regression only. Its
    ///     ``Scaling/automatic`` choices are resolved for `kind`; the fitted steps are stored in
    ///     ``encoder`` and so in the model bundle.
    /// - Throws: ``ModelError`` for bad parameters, an invalid preprocessing spec, missing or
    ///   mistyped columns, or an unusable target.
    public static func train(
        kind: ModelKind, parameters: [String: ParameterValue], frame: DataFrame,
        features: [String], target: String, positive: String?, task request: TargetEncoding.Request? = nil,
        preprocessing: PreprocessingSpec = PreprocessingSpec(), seed: UInt64 = 0
    ) throws(ModelError) -> TrainedModel {
        let resolved = try ModelParameters.resolve(kind: kind, params: parameters)
        guard let targetColumn = frame.column(named: target) else {
            throw ModelError("the target `\(target)` is not a column of the data; columns are: \(FeatureEncoder.listing(frame.columnNames))")
        }
        if frame.rowCount == 0 { throw ModelError("cannot train on an empty dataset") }
        let (targetEncoding, labels) = try TargetEncoding.fit(targetColumn, positive: positive, task: request)
        try kind.require(targetEncoding.task, target: target)
        let encoder = try FeatureEncoder.fit(
            frame: frame, features: features, target: target, preprocessing: preprocessing.resolved(for: kind)
        )
        let matrix = try encoder.transform(frame)
        var warnings = emptyFeatureWarnings(frame: frame, features: features)
        let model = try fit(kind, matrix: matrix, targets: labels, task: targetEncoding.task, resolved: resolved, encoder: encoder, seed: seed)
        if let note = convergenceWarning(model) { warnings.append(note) }
        return TrainedModel(
            kind: kind, parameters: resolved, encoder: encoder, target: target, targetEncoding: targetEncoding,
            model: model, warnings: warnings
        )
    }

    /// The model's outputs for every row of `frame`: `task.outputWidth` numbers per row, row
    /// after row (see ``LearningTask``): the positive-class probability (binary), one probability
    /// per class (multi-class) or the predicted value (regression).
    /// - Throws: ``ModelError`` when a feature column is absent or has the wrong type.
    public func predictOutputs(_ frame: DataFrame) throws(ModelError) -> [Double] {
        try model.predict(encoder.transform(frame))
    }

    /// The positive-class probability for every row of `frame` (binary models; a multi-class
    /// model gives one probability per class, a regression model its values).
    /// - Throws: ``ModelError`` as ``predictOutputs(_:)``.
    public func predictProbabilities(_ frame: DataFrame) throws(ModelError) -> [Double] {
        try predictOutputs(frame)
    }

    /// Whether each row of `frame` is predicted positive (probability >= 0.5; binary models).
    /// - Throws: ``ModelError`` as ``predictOutputs(_:)``, or for a model that is not binary.
    public func predict(_ frame: DataFrame) throws(ModelError) -> [Bool] {
        guard task == .binary else { throw ModelError("only a binary model predicts positive or not; use predictLabels") }
        return try predictOutputs(frame).map { $0 >= 0.5 }
    }

    /// The predicted label of every row: the most probable class (binary: probability >= 0.5),
    /// or the value formatted as text for regression.
    /// - Throws: ``ModelError`` as ``predictOutputs(_:)``.
    public func predictLabels(_ frame: DataFrame) throws(ModelError) -> [String] {
        let outputs = try predictOutputs(frame)
        switch task {
        case .regression: return outputs.map { BinaryTarget.format($0) }
        case .binary: return outputs.map { classes[$0 >= 0.5 ? 1 : 0] }
        case .multiclass(let count):
            return (0..<frame.rowCount).map { row in
                var best = 0
                for index in 1..<count where outputs[row * count + index] > outputs[row * count + best] { best = index }
                return classes[best]
            }
        }
    }

    /// The targets of `frame`'s label column under the training encoding (for evaluation).
    /// - Throws: ``ModelError`` when the column is absent, has missing values, or holds a class
    ///   the model never saw.
    public func targets(in frame: DataFrame) throws(ModelError) -> [Double] {
        guard let column = frame.column(named: target) else {
            throw ModelError("the data has no target column `\(target)`")
        }
        return try targetEncoding.encode(column)
    }

    private static func fit(
        _ kind: ModelKind, matrix: FeatureMatrix, targets: [Double], task: LearningTask,
        resolved: [String: ParameterValue], encoder: FeatureEncoder, seed: UInt64
    ) throws(ModelError) -> FittedModel {
        if !kind.handlesMissingValues, matrix.values.contains(where: \.isNaN) {
            throw ModelError(
                "`\(kind.rawValue)` cannot take missing values, but `imputation: none` left some; "
                    + "choose an imputation (mean, median, most_frequent or constant)")
        }
        switch kind {
        case .logisticRegression:
            return .logisticRegression(try LogisticRegression.fit(
                matrix, targets: targets, task: task, hyperparameters: .init(resolved: resolved), seed: seed))
        case .decisionTree:
            return .decisionTree(try DecisionTree.fit(
                matrix, targets: targets, task: task, hyperparameters: .init(resolved: resolved), seed: seed))
        case .randomForest:
            return .randomForest(try RandomForest.fit(
                matrix, targets: targets, task: task, hyperparameters: .init(resolved: resolved), seed: seed))
        case .gradientBoosting:
            var settings = HistGradientBoosting.Hyperparameters(resolved: resolved)
            settings.categoricalColumns = encoder.ordinalCategoricalColumns
            return .gradientBoosting(try HistGradientBoosting.fit(matrix, targets: targets, task: task, hyperparameters: settings, seed: seed))
        case .linearRegression:
            return .linearRegression(try LinearRegression.fit(
                matrix, targets: targets, task: task, hyperparameters: .init(resolved: resolved), seed: seed))
        case .kNearestNeighbors:
            return .kNearestNeighbors(try KNearestNeighbors.fit(
                matrix, targets: targets, task: task, hyperparameters: .init(resolved: resolved), seed: seed))
        case .naiveBayes:
            var settings = NaiveBayes.Hyperparameters(resolved: resolved)
            settings.categoricalColumns = encoder.ordinalCategoricalColumns
            return .naiveBayes(try NaiveBayes.fit(matrix, targets: targets, task: task, hyperparameters: settings, seed: seed))
        }
    }

    /// A plain-language warning when an iterative solver stopped before converging.
    private static func convergenceWarning(_ model: FittedModel) -> String? {
        switch model {
        case .logisticRegression(let fitted) where !fitted.converged:
            "logistic regression did not converge in \(fitted.iterations) iterations "
                + "(gradient \(fitted.gradientNorm)); raise max_iter or lower C"
        case .linearRegression(let fitted):
            fitted.warning ?? (fitted.converged ? nil : "lasso did not converge in \(fitted.iterations) sweeps; raise max_iter or alpha")
        default:
            nil
        }
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
