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

    @Test("records what it was trained on", arguments: ModelKind.allCases)
    func metadata(kind: ModelKind) throws {
        let model = try train(kind)
        #expect(model.kind == kind)
        #expect(model.features == ["age", "hours", "color"])
        #expect(model.target == "label")
        #expect(model.positiveLabel == "yes")
        #expect(model.negativeLabel == "no")
        #expect(model.encoder.standardize == (kind == .logisticRegression))
        #expect(model.parameters == (try ModelParameters.resolve(kind: kind, params: [:])))
    }

    @Test("predicts unseen rows with unknown and missing values", arguments: ModelKind.allCases)
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

    @Test("importances are per original feature and sum to 1", arguments: ModelKind.allCases)
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

    @Test("survives a JSON round trip unchanged", arguments: ModelKind.allCases)
    func codable(kind: ModelKind) throws {
        let model = try train(kind, kind == .logisticRegression ? ["C": .double(2)] : ["max_depth": .int(4)])
        let data = try JSONEncoder().encode(model)
        let decoded = try JSONDecoder().decode(TrainedModel.self, from: data)
        #expect(decoded == model)
    }
}
