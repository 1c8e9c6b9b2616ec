/// The learned state of a trained model, one case per ``ModelKind``.
///
/// Encodes as an object with a single key, the kind's name:
/// `{"decision_tree": {...}}`.
public enum FittedModel: Codable, Sendable, Equatable {
    /// A fitted ``LogisticRegression``.
    case logisticRegression(LogisticRegression)
    /// A fitted ``DecisionTree``.
    case decisionTree(DecisionTree)

    /// The kind of model held.
    public var kind: ModelKind {
        switch self {
        case .logisticRegression: .logisticRegression
        case .decisionTree: .decisionTree
        }
    }

    /// What the model predicts.
    public var task: LearningTask {
        switch self {
        case .logisticRegression, .decisionTree: .binary
        }
    }

    /// The number of encoded columns the model takes.
    public var inputCount: Int {
        switch self {
        case .logisticRegression(let model): model.coefficients.count
        case .decisionTree(let model): model.featureImportances.count
        }
    }

    /// `task.outputWidth` outputs per row of an encoded matrix (see ``LearningTask``).
    /// - Throws: ``ModelError`` when the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        switch self {
        case .logisticRegression(let model): try model.probabilities(x)
        case .decisionTree(let model): try model.probabilities(x)
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
        }
    }

    /// Encodes as `{"kind_name": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        switch self {
        case .logisticRegression(let model): try container.encode(model, forKey: KindKey(kind))
        case .decisionTree(let model): try container.encode(model, forKey: KindKey(kind))
        }
    }
}
