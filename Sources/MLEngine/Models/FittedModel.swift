/// The learned state of a trained model, one case per ``ModelKind``.
///
/// Encodes as an object with a single key, the kind's name:
/// `{"decision_tree": {...}}`.
public enum FittedModel: Codable, Sendable, Equatable {
    /// A fitted ``LogisticRegression``.
    case logisticRegression(LogisticRegression)
    /// A fitted ``DecisionTree``.
    case decisionTree(DecisionTree)
    /// A fitted ``RandomForest``.
    case randomForest(RandomForest)
    /// A fitted ``HistGradientBoosting``.
    case gradientBoosting(HistGradientBoosting)
    /// A fitted ``LinearRegression``.
    case linearRegression(LinearRegression)
    /// A fitted ``KNearestNeighbors``.
    case kNearestNeighbors(KNearestNeighbors)
    /// A fitted ``NaiveBayes``.
    case naiveBayes(NaiveBayes)

    /// The kind of model held.
    public var kind: ModelKind {
        switch self {
        case .logisticRegression: .logisticRegression
        case .decisionTree: .decisionTree
        case .randomForest: .randomForest
        case .gradientBoosting: .gradientBoosting
        case .linearRegression: .linearRegression
        case .kNearestNeighbors: .kNearestNeighbors
        case .naiveBayes: .naiveBayes
        }
    }

    /// The model behind the common ``Estimator`` interface.
    public var estimator: any Estimator {
        switch self {
        case .logisticRegression(let model): model
        case .decisionTree(let model): model
        case .randomForest(let model): model
        case .gradientBoosting(let model): model
        case .linearRegression(let model): model
        case .kNearestNeighbors(let model): model
        case .naiveBayes(let model): model
        }
    }

    /// What the model predicts.
    public var task: LearningTask { estimator.task }

    /// The number of encoded columns the model takes.
    public var inputCount: Int { estimator.inputCount }

    /// One importance per encoded column, or `nil` when the algorithm defines none.
    public var featureImportances: [Double]? { estimator.featureImportances }

    /// `task.outputWidth` outputs per row of an encoded matrix (see ``LearningTask``).
    /// - Throws: ``ModelError`` when the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        switch self {
        case .logisticRegression(let model): try model.predict(x)
        case .decisionTree(let model): try model.predict(x)
        case .randomForest(let model): try model.predict(x)
        case .gradientBoosting(let model): try model.predict(x)
        case .linearRegression(let model): try model.predict(x)
        case .kNearestNeighbors(let model): try model.predict(x)
        case .naiveBayes(let model): try model.predict(x)
        }
    }

    private struct KindKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ kind: ModelKind) { stringValue = kind.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes `{"kind_name": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KindKey.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first, let kind = ModelKind(rawValue: key.stringValue) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected one key naming the model kind: "
                    + ModelKind.allCases.map(\.rawValue).joined(separator: " or ")
            ))
        }
        switch kind {
        case .logisticRegression: self = .logisticRegression(try container.decode(LogisticRegression.self, forKey: key))
        case .decisionTree: self = .decisionTree(try container.decode(DecisionTree.self, forKey: key))
        case .randomForest: self = .randomForest(try container.decode(RandomForest.self, forKey: key))
        case .gradientBoosting: self = .gradientBoosting(try container.decode(HistGradientBoosting.self, forKey: key))
        case .linearRegression: self = .linearRegression(try container.decode(LinearRegression.self, forKey: key))
        case .kNearestNeighbors: self = .kNearestNeighbors(try container.decode(KNearestNeighbors.self, forKey: key))
        case .naiveBayes: self = .naiveBayes(try container.decode(NaiveBayes.self, forKey: key))
        }
    }

    /// Encodes as `{"kind_name": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        switch self {
        case .logisticRegression(let model): try container.encode(model, forKey: KindKey(kind))
        case .decisionTree(let model): try container.encode(model, forKey: KindKey(kind))
        case .randomForest(let model): try container.encode(model, forKey: KindKey(kind))
        case .gradientBoosting(let model): try container.encode(model, forKey: KindKey(kind))
        case .linearRegression(let model): try container.encode(model, forKey: KindKey(kind))
        case .kNearestNeighbors(let model): try container.encode(model, forKey: KindKey(kind))
        case .naiveBayes(let model): try container.encode(model, forKey: KindKey(kind))
        }
    }
}
