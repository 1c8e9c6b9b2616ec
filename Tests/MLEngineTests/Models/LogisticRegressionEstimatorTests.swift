import Foundation
import Testing
@testable import MLEngine

/// Multinomial and L1 logistic regression, the Estimator contract and serialisation.
/// Reference constants: `scripts/reference/sklearn_linear_reference.py` (see SklearnLinearReference.swift).
@Suite("LogisticRegression estimator")
struct LogisticRegressionEstimatorTests {
    typealias Reference = SklearnLinearReference
    let x = EstimatorTestSupport.matrix(Reference.classX, columns: Reference.classColumns)
    let test = EstimatorTestSupport.matrix(Reference.classTestX, columns: Reference.classColumns)

    private func fit(
        _ targets: [Double], task: LearningTask, _ settings: LogisticRegression.Hyperparameters
    ) throws -> LogisticRegression {
        try LogisticRegression.fit(x, targets: targets, task: task, hyperparameters: settings, seed: 0)
    }

    @Test("multinomial L2 matches scikit-learn's lbfgs (C = 1 and 0.1)")
    func multinomial() throws {
        let model = try fit(Reference.multiclassY, task: .multiclass(classes: 3), .init(c: 1, tolerance: 1e-10, maxIterations: 1000))
        #expect(model.converged)
        #expect(ModelFixtures.allClose(model.coefficients, Reference.multinomialCoefficients, tolerance: 1e-6))
        #expect(ModelFixtures.allClose(model.intercepts, Reference.multinomialIntercepts, tolerance: 1e-6))
        let probabilities = try model.predict(test)
        #expect(ModelFixtures.allClose(probabilities, Reference.multinomialTestProbabilities, tolerance: 1e-6))
        #expect(EstimatorTestSupport.rowsSumToOne(probabilities, width: 3))
        let weak = try fit(Reference.multiclassY, task: .multiclass(classes: 3), .init(c: 0.1, tolerance: 1e-10, maxIterations: 1000))
        #expect(ModelFixtures.allClose(weak.coefficients, Reference.multinomialC01Coefficients, tolerance: 1e-6))
        #expect(ModelFixtures.allClose(weak.intercepts, Reference.multinomialC01Intercepts, tolerance: 1e-6))
    }

    @Test("multinomial with default tolerance is within 1e-3 of scikit-learn and converges")
    func multinomialDefaultTolerance() throws {
        let model = try fit(Reference.multiclassY, task: .multiclass(classes: 3), .init())
        #expect(model.converged)
        #expect(model.gradientNorm <= 1e-4)
        #expect(ModelFixtures.allClose(model.coefficients, Reference.multinomialCoefficients, tolerance: 1e-3))
    }

    @Test("binary L1 matches scikit-learn's saga (C = 0.2) within 1e-6, with an exact zero")
    func binaryL1() throws {
        let model = try fit(Reference.binaryY, task: .binary, .init(c: 0.2, tolerance: 1e-10, maxIterations: 1000, penalty: .l1))
        #expect(model.converged)
        #expect(ModelFixtures.allClose(model.coefficients, Reference.l1BinaryCoefficients, tolerance: 1e-6))
        #expect(ModelFixtures.isClose(model.intercept, Reference.l1BinaryIntercept, tolerance: 1e-6))
        #expect(model.coefficients[2] == 0)
    }

    @Test("multinomial L1 matches scikit-learn's saga (C = 0.3) within 1e-6, zeros exactly zero")
    func multinomialL1() throws {
        let model = try fit(Reference.multiclassY, task: .multiclass(classes: 3), .init(c: 0.3, tolerance: 1e-10, maxIterations: 2000, penalty: .l1))
        #expect(model.converged)
        #expect(ModelFixtures.allClose(model.coefficients, Reference.l1MultinomialCoefficients, tolerance: 1e-6))
        #expect(ModelFixtures.allClose(model.intercepts, Reference.l1MultinomialIntercepts, tolerance: 1e-6))
        for (ours, theirs) in zip(model.coefficients, Reference.l1MultinomialCoefficients) where theirs == 0 {
            #expect(ours == 0)
        }
    }

    @Test("binary without penalty equals the binary L2 fit as C grows")
    func noPenalty() throws {
        let free = try fit(Reference.binaryY, task: .binary, .init(tolerance: 1e-10, penalty: LogisticRegression.Penalty.none))
        let loose = try fit(Reference.binaryY, task: .binary, .init(c: 1e8, tolerance: 1e-10))
        #expect(free.converged)
        #expect(ModelFixtures.allClose(free.coefficients, loose.coefficients, tolerance: 1e-5))
    }

    @Test("one hand-computed gradient at zero weights")
    func gradientAtZero() {
        // Rows x = 1, 2; labels 1, 0; C = 2. At w = b = 0 every p = 0.5:
        // d/dw = C Σ (p − y) x = 2 (−0.5·1 + 0.5·2) = 1, d/db = 2 (−0.5 + 0.5) = 0, loss = 2 · 2 log 2.
        let problem = LogisticRegression.Problem(
            x: EstimatorTestSupport.matrix([1, 2], columns: 1), labels: [1, 0], c: 2
        )
        let state = problem.evaluate([0, 0])
        #expect(state.gradient == [1, 0])
        #expect(abs(state.loss - 4 * log(2)) < 1e-15)
        var gradient = [0.0, 0.0, 0.0, 0.0]
        // The same data as two classes of a softmax: gradient for class k is C Σ (p_k − [y = k]) x.
        let loss = problem.evaluateMultinomial([0, 0, 0, 0], classes: 2, gradient: &gradient)
        #expect(abs(loss - 4 * log(2)) < 1e-15)
        #expect(gradient == [-1, 1, 0, 0])
    }

    @Test("separable three-class data is classified perfectly, probabilities sum to 1")
    func separableMulticlass() throws {
        let x = EstimatorTestSupport.matrix([-5, -4, -3, 0, 0.5, 1, 4, 5, 6], columns: 1)
        let labels: [Double] = [0, 0, 0, 1, 1, 1, 2, 2, 2]
        let model = try LogisticRegression.fit(x, targets: labels, task: .multiclass(classes: 3), hyperparameters: .init(c: 100), seed: 0)
        let probabilities = try model.predict(x)
        #expect(EstimatorTestSupport.rowsSumToOne(probabilities, width: 3))
        for row in 0..<9 {
            let slice = Array(probabilities[(row * 3)..<(row * 3 + 3)])
            #expect(slice.firstIndex(of: slice.max() ?? 0) == Int(labels[row]))
        }
    }

    @Test("version-1 JSON (before formatVersion) still loads and predicts the same")
    func legacyJSON() throws {
        let json = #"{"coefficients":[0.5,-1.25],"intercept":0.25,"converged":true,"iterations":6,"gradientNorm":1e-9}"#
        let model = try ModelFixtures.decode(LogisticRegression.self, from: json)
        #expect(model.task == .binary)
        #expect(model.penalty == .l2)
        #expect(model.inputCount == 2)
        let x = EstimatorTestSupport.matrix([1, 2, -1, 0], columns: 2)
        let expected = [0.5 * 1 - 1.25 * 2 + 0.25, -0.5 + 0.25].map { 1 / (1 + exp(-$0)) }
        #expect(ModelFixtures.allClose(try model.predict(x), expected, tolerance: 1e-15))
        let reloaded = try EstimatorTestSupport.roundTrip(model)
        #expect(reloaded == model)
        let fitted = FittedModel.logisticRegression(model)
        #expect(try EstimatorTestSupport.roundTrip(fitted) == fitted)
    }

    @Test("JSON round trips reproduce predictions bit for bit", arguments: [false, true])
    func roundTrip(multiclass: Bool) throws {
        let model = multiclass
            ? try fit(Reference.multiclassY, task: .multiclass(classes: 3), .init())
            : try fit(Reference.binaryY, task: .binary, .init(penalty: .l1))
        let json = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
        #expect(json.contains(#""formatVersion":2"#))
        let reloaded = try EstimatorTestSupport.roundTrip(model)
        #expect(reloaded == model)
        #expect(try reloaded.predict(test) == model.predict(test))
    }

    @Test("refuses a regression task, bad labels, wrong widths and a future format")
    func badInputs() throws {
        #expect(throws: ModelError("logistic regression is a classifier; use linear_regression for a numeric target")) {
            try fit(Reference.multiclassY, task: .regression, .init())
        }
        #expect(throws: ModelError("labels must be class indices 0 to 1")) {
            try fit(Reference.multiclassY, task: .multiclass(classes: 2), .init())
        }
        let model = try fit(Reference.binaryY, task: .binary, .init())
        #expect(throws: ModelError("the model expects 3 encoded columns but got 1")) {
            try model.predict(EstimatorTestSupport.matrix([1], columns: 1))
        }
        #expect(throws: (any Error).self) {
            try ModelFixtures.decode(LogisticRegression.self, from: #"{"formatVersion":9,"coefficients":[],"converged":true,"iterations":0,"gradientNorm":0}"#)
        }
    }

    @Test("parameter specs resolve penalty and reject unknown words")
    func parameterSpecs() {
        let specs = LogisticRegression.Hyperparameters.parameterSpecs
        #expect(specs.map(\.name) == ["C", "max_iter", "tol", "penalty"])
        let penalty = specs[3]
        #expect(penalty.canonical(.string("L1")) == .some(.string("l1")))
        #expect(penalty.canonical(.string("elasticnet")) == nil)
        #expect(penalty.allowedValues == #"one of "l2", "l1", "none""#)
        let settings = LogisticRegression.Hyperparameters(resolved: ["C": .double(0.5), "penalty": .string("l1")])
        #expect(settings == .init(c: 0.5, penalty: .l1))
        #expect(LogisticRegression.Hyperparameters(resolved: [:]) == .init())
    }

    @Test("fitting is deterministic")
    func deterministic() throws {
        let settings = LogisticRegression.Hyperparameters(penalty: .l1)
        #expect(try fit(Reference.multiclassY, task: .multiclass(classes: 3), settings)
            == fit(Reference.multiclassY, task: .multiclass(classes: 3), settings))
    }
}
