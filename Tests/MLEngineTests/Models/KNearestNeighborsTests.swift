import Foundation
import Testing
@testable import MLEngine

/// k-nearest neighbours on a tiny grid and against scikit-learn (`scripts/reference/sklearn_linear_reference.py`).
@Suite("KNearestNeighbors")
struct KNearestNeighborsTests {
    typealias Reference = SklearnLinearReference
    // (0,0) → 0, (1,0) → 1, (0,1) → 1, (1,1) → 1, (5,5) → 0.
    let grid = EstimatorTestSupport.matrix([0, 0, 1, 0, 0, 1, 1, 1, 5, 5], columns: 2)
    let gridLabels: [Double] = [0, 1, 1, 1, 0]

    private func fit(
        _ x: FeatureMatrix, _ y: [Double], task: LearningTask, _ settings: KNearestNeighbors.Hyperparameters
    ) throws -> KNearestNeighbors {
        try KNearestNeighbors.fit(x, targets: y, task: task, hyperparameters: settings, seed: 0)
    }

    @Test("a tiny grid: nearest point, ties to the earlier training row, weighted fractions")
    func tinyGrid() throws {
        let one = try fit(grid, gridLabels, task: .binary, .init(neighborCount: 1))
        let queries = EstimatorTestSupport.matrix([0.1, 0, 0.5, 0, 4, 4.5], columns: 2)
        // (0.5, 0) is as far from (0,0) as from (1,0): the earlier row, class 0, wins.
        #expect(try one.predict(queries) == [0, 0, 0])
        let three = try fit(grid, gridLabels, task: .binary, .init(neighborCount: 3))
        #expect(try three.predict(EstimatorTestSupport.matrix([0, 0], columns: 2)) == [2.0 / 3])
        let manhattan = try fit(grid, gridLabels, task: .binary, .init(neighborCount: 2, weighting: .distance, power: 1))
        // From (0.25, 0): (0,0) at 0.25 (class 0), (1,0) at 0.75 (class 1) → P(1) = (1/0.75) / (1/0.25 + 1/0.75).
        let p = try manhattan.predict(EstimatorTestSupport.matrix([0.25, 0], columns: 2))[0]
        #expect(abs(p - (1 / 0.75) / (1 / 0.25 + 1 / 0.75)) < 1e-15)
        // A query on a training point with distance weights: only that point counts.
        #expect(try manhattan.predict(EstimatorTestSupport.matrix([1, 1], columns: 2)) == [1])
        let regression = try fit(grid, [1, 2, 3, 4, 10], task: .regression, .init(neighborCount: 4))
        #expect(try regression.predict(EstimatorTestSupport.matrix([0.5, 0.5], columns: 2)) == [2.5])
    }

    @Test("matches scikit-learn's KNeighborsClassifier (weights × p) and KNeighborsRegressor")
    func scikitLearn() throws {
        let x = EstimatorTestSupport.matrix(Reference.classX, columns: Reference.classColumns)
        let test = EstimatorTestSupport.matrix(Reference.classTestX, columns: Reference.classColumns)
        let expected: [(KNearestNeighbors.Weighting, Int, [Double])] = [
            (.uniform, 1, Reference.knn_uniform_p1), (.uniform, 2, Reference.knn_uniform_p2),
            (.distance, 1, Reference.knn_distance_p1), (.distance, 2, Reference.knn_distance_p2),
        ]
        for (weighting, power, probabilities) in expected {
            let model = try fit(x, Reference.multiclassY, task: .multiclass(classes: 3), .init(weighting: weighting, power: power))
            let ours = try model.predict(test)
            #expect(ModelFixtures.allClose(ours, probabilities, tolerance: 1e-12), "\(weighting) p=\(power)")
            #expect(EstimatorTestSupport.rowsSumToOne(ours, width: 3))
        }
        let xr = EstimatorTestSupport.matrix(Reference.regressionX, columns: Reference.regressionColumns)
        let model = try fit(xr, Reference.regressionY, task: .regression, .init(neighborCount: 4, weighting: .distance))
        let predictions = try model.predict(EstimatorTestSupport.matrix(Reference.knnRegressionTestX, columns: Reference.regressionColumns))
        #expect(ModelFixtures.allClose(predictions, Reference.knnRegressionPredictions, tolerance: 1e-12))
    }

    @Test("two-thread prediction equals row-by-row prediction; JSON round trip is exact")
    func deterministic() throws {
        let x = EstimatorTestSupport.matrix(Reference.classX, columns: Reference.classColumns)
        let model = try fit(x, Reference.multiclassY, task: .multiclass(classes: 3), .init(neighborCount: 7, weighting: .distance))
        let all = try model.predict(x)  // 60 rows → two threads
        var single: [Double] = []
        for row in 0..<x.rows {
            single += try model.predict(EstimatorTestSupport.matrix(Array(x.values[(row * 3)..<(row * 3 + 3)]), columns: 3))
        }
        #expect(all == single)
        let reloaded = try EstimatorTestSupport.roundTrip(model)
        #expect(reloaded == model)
        #expect(try reloaded.predict(x) == all)
    }

    @Test("refuses more neighbours than rows, NaN, and bad parameters")
    func badInputs() throws {
        #expect(throws: ModelError("n_neighbors is 6 but there are only 5 training rows; lower n_neighbors")) {
            try fit(grid, gridLabels, task: .binary, .init(neighborCount: 6))
        }
        #expect(throws: ModelError("labels must be 0 or 1")) { try fit(grid, [0, 1, 2, 0, 1], task: .binary, .init(neighborCount: 1)) }
        let model = try fit(grid, gridLabels, task: .binary, .init(neighborCount: 1))
        #expect(throws: ModelError("the features contain values that are not finite numbers; impute missing values first")) {
            try model.predict(EstimatorTestSupport.matrix([.nan, 0], columns: 2))
        }
        let specs = KNearestNeighbors.Hyperparameters.parameterSpecs
        #expect(specs.map(\.name) == ["n_neighbors", "weights", "p"])
        #expect(specs[2].allowedValues == "an integer from 1 to 2")
        #expect(specs[2].canonical(.int(3)) == nil)
        #expect(KNearestNeighbors.Hyperparameters(resolved: ["weights": .string("distance"), "p": .int(1)]) == .init(weighting: .distance, power: 1))
    }
}
