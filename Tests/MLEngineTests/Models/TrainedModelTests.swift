import Foundation
import Testing
@testable import MLEngine

@Suite("TrainedModel")
struct TrainedModelTests {
    private func train(_ kind: ModelKind, _ parameters: [String: ParameterValue] = [:]) throws -> TrainedModel {
        try TrainedModel.train(
            kind: kind, parameters: parameters, frame: ModelFixtures.mixedFrame,
            features: ["age", "hours", "color"], target: "label", positive: "yes"
        )
    }

    @Test("records what it was trained on", arguments: ModelFixtures.binaryKinds)
    func metadata(kind: ModelKind) throws {
        let model = try train(kind)
        #expect(model.kind == kind)
        #expect(model.features == ["age", "hours", "color"])
        #expect(model.target == "label")
        #expect(model.positiveLabel == "yes")
        #expect(model.negativeLabel == "no")
        #expect(model.encoder.standardize == (kind.preprocessingDefaults.scaling == .standard))
        #expect(model.parameters == (try ModelParameters.resolve(kind: kind, params: [:])))
    }

    @Test("predicts unseen rows with unknown and missing values", arguments: ModelFixtures.binaryKinds)
    func predicts(kind: ModelKind) throws {
        let model = try train(kind)
        let probabilities = try model.predictProbabilities(ModelFixtures.mixedTestFrame)
        #expect(probabilities.count == 3)
        #expect(probabilities.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try model.predict(ModelFixtures.mixedTestFrame) == probabilities.map { $0 >= 0.5 })
    }

    @Test("an unlimited tree fits its training data")
    func treeFitsTraining() throws {
        let model = try train(.decisionTree)
        let labels = ModelFixtures.label.map { $0 == "yes" }
        let accuracy = zip(try model.predict(ModelFixtures.mixedFrame), labels).filter { $0 == $1 }.count
        #expect(accuracy == labels.count)
    }

    @Test("importances are per original feature and sum to 1", arguments: ModelFixtures.binaryKinds.filter { $0.importanceMeaning != nil })
    func importances(kind: ModelKind) throws {
        let importances = try train(kind, kind == .decisionTree ? ["max_depth": .int(3)] : [:]).featureImportances()
        #expect(importances.map(\.feature) == ["age", "hours", "color"])
        #expect(abs(importances.map(\.importance).reduce(0, +) - 1) < 1e-12)
        #expect(importances.allSatisfy { $0.importance >= 0 })
    }

    @Test("logistic importances sum absolute one-hot coefficients")
    func logisticImportances() throws {
        let model = try train(.logisticRegression)
        guard case .logisticRegression(let fitted) = model.model else {
            Issue.record("wrong kind")
            return
        }
        let weights = fitted.coefficients.map(abs)
        let total = weights.reduce(0, +)
        let importances = model.featureImportances().map(\.importance)
        #expect(abs(importances[2] - (weights[2] + weights[3] + weights[4]) / total) < 1e-15)
    }

    @Test("explains a missing target or feature")
    func errors() throws {
        #expect(throws: ModelError("the target `income` is not a column of the data; columns are: age, hours, color, label")) {
            try TrainedModel.train(
                kind: .decisionTree, parameters: [:], frame: ModelFixtures.mixedFrame,
                features: ["age"], target: "income", positive: "yes"
            )
        }
        let model = try train(.decisionTree)
        let partial = DataFrame(columns: [ModelFixtures.numeric("age", [1]), ModelFixtures.numeric("hours", [2])])
        #expect(throws: ModelError("the data has no column `color`, which the model uses as a feature")) {
            try model.predictProbabilities(partial)
        }
    }

    @Test("warns about a feature without values")
    func emptyFeature() throws {
        let frame = DataFrame(columns: [
            ModelFixtures.numeric("x", [1, 2, 3, 4]),
            ModelFixtures.numeric("blank", [.nan, .nan, .nan, .nan]),
            ModelFixtures.numeric("y", [0, 0, 1, 1]),
        ])
        let model = try TrainedModel.train(
            kind: .logisticRegression, parameters: [:], frame: frame, features: ["x", "blank"], target: "y", positive: "1"
        )
        #expect(model.warnings == ["feature `blank` has no values in the training data and carries no information"])
    }

    @Test("a kind without importances gives none")
    func noImportances() throws {
        #expect(try train(.kNearestNeighbors).featureImportances().isEmpty)
    }

    @Test("multi-class and regression targets train the matching task")
    func tasks() throws {
        let frame = DataFrame(columns: [
            .numeric(NumericColumn(name: "x", values: [1, 2, 3, 4, 5, 6, 7, 8, 9])),
            .categorical(CategoricalColumn(name: "kind", codes: [0, 0, 0, 1, 1, 1, 2, 2, 2], categories: ["a", "b", "c"])),
            .numeric(NumericColumn(name: "y", values: [1.5, 2, 3.5, 4, 5.5, 6, 7.5, 8, 9.5])),
        ])
        let classifier = try TrainedModel.train(
            kind: .logisticRegression, parameters: ["C": .double(100)], frame: frame, features: ["x"], target: "kind", positive: nil)
        #expect(classifier.task == .multiclass(classes: 3))
        #expect(try classifier.predictLabels(frame) == ["a", "a", "a", "b", "b", "b", "c", "c", "c"])
        let regression = try TrainedModel.train(
            kind: .linearRegression, parameters: [:], frame: frame, features: ["x"], target: "y", positive: nil)
        #expect(regression.task == .regression)
        let predicted = try regression.predictOutputs(frame)
        #expect(RegressionMetrics.compute(actual: [1.5, 2, 3.5, 4, 5.5, 6, 7.5, 8, 9.5], predicted: predicted).r2 > 0.98)
        #expect(throws: ModelError("`linear_regression` cannot learn a target with 3 classes such as `kind`; it handles regression tasks")) {
            try TrainedModel.train(kind: .linearRegression, parameters: [:], frame: frame, features: ["x"], target: "kind", positive: nil)
        }
    }

    @Test("survives a JSON round trip unchanged", arguments: ModelFixtures.binaryKinds)
    func codable(kind: ModelKind) throws {
        let parameters: [String: ParameterValue] = switch kind {
        case .logisticRegression: ["C": .double(2)]
        case .decisionTree: ["max_depth": .int(4)]
        default: [:]
        }
        let model = try train(kind, parameters)
        let data = try JSONEncoder().encode(model)
        let decoded = try JSONDecoder().decode(TrainedModel.self, from: data)
        #expect(decoded == model)
    }
}
