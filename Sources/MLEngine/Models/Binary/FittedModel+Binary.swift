extension ModelKind {
    /// The kind's code in the binary model header (see `docs/model-format.md`); fixed forever,
    /// whatever order the cases are declared in.
    var binaryCode: UInt8 {
        switch self {
        case .logisticRegression: 0
        case .decisionTree: 1
        case .randomForest: 2
        case .gradientBoosting: 3
        case .linearRegression: 4
        case .kNearestNeighbors: 5
        case .naiveBayes: 6
        }
    }

    /// The kind with binary code `code`, or `nil`.
    init?(binaryCode code: UInt8) {
        guard let kind = ModelKind.allCases.first(where: { $0.binaryCode == code }) else { return nil }
        self = kind
    }
}

extension FittedModel {
    /// Appends the payload of the held model (its kind is in the header).
    func write(to writer: inout ModelBinaryWriter) {
        switch self {
        case .logisticRegression(let model): model.write(to: &writer)
        case .decisionTree(let model): model.write(to: &writer)
        case .randomForest(let model): model.write(to: &writer)
        case .gradientBoosting(let model): model.write(to: &writer)
        case .linearRegression(let model): model.write(to: &writer)
        case .kNearestNeighbors(let model): model.write(to: &writer)
        case .naiveBayes(let model): model.write(to: &writer)
        }
    }

    /// Reads the payload of a model of `kind`.
    init(kind: ModelKind, reading reader: inout ModelBinaryReader) throws(ModelError) {
        switch kind {
        case .logisticRegression: self = .logisticRegression(try LogisticRegression(reading: &reader))
        case .decisionTree: self = .decisionTree(try DecisionTree(reading: &reader))
        case .randomForest: self = .randomForest(try RandomForest(reading: &reader))
        case .gradientBoosting: self = .gradientBoosting(try HistGradientBoosting(reading: &reader))
        case .linearRegression: self = .linearRegression(try LinearRegression(reading: &reader))
        case .kNearestNeighbors: self = .kNearestNeighbors(try KNearestNeighbors(reading: &reader))
        case .naiveBayes: self = .naiveBayes(try NaiveBayes(reading: &reader))
        }
    }
}
