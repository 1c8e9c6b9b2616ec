import Testing
@testable import MLEngine

/// Reference values from scikit-learn 1.9.1 (numpy 2.4), produced by:
///
/// ```python
/// import numpy as np, pandas as pd
/// from sklearn.linear_model import LogisticRegression
/// from sklearn.compose import ColumnTransformer
/// from sklearn.pipeline import Pipeline
/// from sklearn.impute import SimpleImputer
/// from sklearn.preprocessing import StandardScaler, OneHotEncoder
/// rng = np.random.default_rng(7)
/// n = 40
/// age = np.round(rng.normal(40, 12, n), 1)
/// hours = np.round(rng.normal(38, 8, n), 0)
/// colors = np.array(["red", "green", "blue"])[rng.integers(0, 3, n)].astype(object)
/// age[[3, 11, 25]] = np.nan
/// colors[[5, 17]] = None
/// logit = 0.08 * (np.nan_to_num(age, nan=40) - 40) + 0.1 * (hours - 38) + np.where(colors == "red", 0.8, 0) - 0.2
/// y = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
/// frame = pd.DataFrame({"age": age, "hours": hours, "color": colors, "label": y})
/// pre = ColumnTransformer([
///     ("num", Pipeline([("imp", SimpleImputer(strategy="mean")), ("std", StandardScaler())]), ["age", "hours"]),
///     ("cat", OneHotEncoder(categories=[["blue", "green", "red"]], handle_unknown="ignore"), ["color"]),
/// ])  # missing colours are filled with "__missing__", an unknown category, so they encode as zeros
/// X = pre.fit_transform(frame.assign(color=frame.color.fillna("__missing__")))
/// for C in (1.0, 0.1):
///     m = LogisticRegression(C=C, tol=1e-12, max_iter=10000).fit(X, (y == "yes").astype(float))
///     test = pd.DataFrame({"age": [25.0, np.nan, 61.5], "hours": [40.0, 20.0, 55.0], "color": ["red", "purple", None]})
///     print(m.coef_[0], m.intercept_[0], m.predict_proba(pre.transform(test.assign(color=test.color.fillna("__missing__"))))[:, 1])
/// ```
@Suite("LogisticRegression")
struct LogisticRegressionTests {
    struct Reference: Sendable {
        var c: Double
        var coefficients: [Double]
        var intercept: Double
        var testProbabilities: [Double]
    }

    static let references = [
        Reference(
            c: 1.0,
            coefficients: [0.518579991711934, 0.22947326461734666, -0.3954559384720472, -0.532649091799328, 0.5120114380068649],
            intercept: -0.599363466864193,
            testProbabilities: [0.35839234086170624, 0.2350717208264861, 0.7957364778130841]
        ),
        Reference(
            c: 0.1,
            coefficients: [0.22527659788709348, 0.09953425418536362, -0.06470553455830891, -0.12391377558681527, 0.14861602398732263],
            intercept: -0.7125200124855962,
            testProbabilities: [0.31454175894001646, 0.276013177824499, 0.5345044721370377]
        ),
    ]

    private func train(_ parameters: [String: ParameterValue]) throws -> (TrainedModel, LogisticRegression) {
        let model = try TrainedModel.train(
            kind: .logisticRegression, parameters: parameters, frame: ModelFixtures.mixedFrame,
            features: ["age", "hours", "color"], target: "label", positive: "yes"
        )
        guard case .logisticRegression(let fitted) = model.model else {
            Issue.record("expected a logistic regression")
            throw ModelError("wrong kind")
        }
        return (model, fitted)
    }

    @Test("matches scikit-learn with default tolerance", arguments: references)
    func matchesScikitLearn(reference: Reference) throws {
        let (model, fitted) = try train(["C": .double(reference.c)])
        #expect(fitted.converged)
        #expect(fitted.iterations < 20)
        #expect(model.warnings.isEmpty)
        #expect(ModelFixtures.allClose(fitted.coefficients, reference.coefficients, tolerance: 1e-4))
        #expect(ModelFixtures.isClose(fitted.intercept, reference.intercept, tolerance: 1e-4))
        let probabilities = try model.predictProbabilities(ModelFixtures.mixedTestFrame)
        #expect(ModelFixtures.allClose(probabilities, reference.testProbabilities, tolerance: 1e-4))
    }

    @Test("reaches the optimum closely with a tight tolerance", arguments: references)
    func tightTolerance(reference: Reference) throws {
        let (_, fitted) = try train(["C": .double(reference.c), "tol": .double(1e-10)])
        #expect(fitted.converged)
        #expect(fitted.gradientNorm <= 1e-10)
        #expect(ModelFixtures.allClose(fitted.coefficients, reference.coefficients, tolerance: 1e-7))
        #expect(ModelFixtures.isClose(fitted.intercept, reference.intercept, tolerance: 1e-7))
    }

    @Test("L-BFGS, used for wide inputs, reaches the same optimum", arguments: references)
    func lbfgs(reference: Reference) throws {
        let (model, _) = try train(["C": .double(reference.c)])
        let x = try model.encoder.transform(ModelFixtures.mixedFrame)
        let labels = ModelFixtures.label.map { $0 == "yes" ? 1.0 : 0.0 }
        let fitted = LogisticRegression.fit(
            x, labels: labels, hyperparameters: .init(c: reference.c, tolerance: 1e-9, maxIterations: 1000), solver: .lbfgs
        )
        #expect(fitted.converged)
        #expect(ModelFixtures.allClose(fitted.coefficients, reference.coefficients, tolerance: 1e-6))
        #expect(ModelFixtures.isClose(fitted.intercept, reference.intercept, tolerance: 1e-6))
    }

    @Test("a category with over a thousand values trains through L-BFGS")
    func wideInput() throws {
        let rows = 2200
        let ids = (0..<rows).map { "id\($0 % 1100)" }
        let labels = (0..<rows).map { ($0 % 1100) % 3 == 0 ? "1" : "0" }
        let frame = DataFrame(columns: [
            ModelFixtures.categorical("id", ids), ModelFixtures.numeric("x", (0..<rows).map { Double($0 % 7) }),
            ModelFixtures.categorical("y", labels),
        ])
        let model = try TrainedModel.train(
            kind: .logisticRegression, parameters: ["max_iter": .int(500)], frame: frame,
            features: ["id", "x"], target: "y", positive: "1"
        )
        #expect(model.encoder.outputCount == 1101)
        #expect(model.warnings.isEmpty)
        let predictions = try model.predict(frame)
        #expect(zip(predictions, labels).allSatisfy { $0 == ($1 == "1") })
    }

    @Test("separable data gives finite weights that classify perfectly")
    func separable() throws {
        let x = FeatureMatrix(rows: 6, columns: 1, values: [-3, -2, -1, 1, 2, 3], names: ["x"])
        let labels: [Double] = [0, 0, 0, 1, 1, 1]
        for c in [1.0, 1e4] {
            let fitted = try LogisticRegression.fit(x, labels: labels, hyperparameters: .init(c: c))
            #expect(fitted.converged)
            #expect(fitted.coefficients.allSatisfy { $0.isFinite })
            let probabilities = try fitted.probabilities(x)
            #expect(probabilities.map { $0 >= 0.5 } == labels.map { $0 == 1 })
        }
    }

    @Test("reports non-convergence as a warning")
    func nonConvergence() throws {
        let (model, fitted) = try train(["max_iter": .int(1), "tol": .double(1e-12)])
        #expect(!fitted.converged)
        #expect(fitted.iterations == 1)
        #expect(model.warnings.count == 1)
        #expect(model.warnings.first?.hasPrefix("logistic regression did not converge in 1 iterations") == true)
    }

    @Test("training is deterministic")
    func deterministic() throws {
        let first = try train([:]).0
        let second = try train([:]).0
        #expect(first == second)
    }

    @Test("rejects mismatched sizes and non-binary labels")
    func badInputs() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [0, 1], names: ["x"])
        #expect(throws: ModelError("got 2 rows of features but 3 labels")) {
            try LogisticRegression.fit(x, labels: [0, 1, 1])
        }
        #expect(throws: ModelError("labels must be 0 or 1")) {
            try LogisticRegression.fit(x, labels: [0, 2])
        }
    }
}
