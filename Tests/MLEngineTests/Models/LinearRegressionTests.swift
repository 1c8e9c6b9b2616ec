import Foundation
import Testing
@testable import MLEngine

/// OLS, ridge and lasso: closed forms on three points and scikit-learn's answers
/// (`scripts/reference/sklearn_linear_reference.py`).
@Suite("LinearRegression")
struct LinearRegressionTests {
    typealias Reference = SklearnLinearReference
    let x = EstimatorTestSupport.matrix(Reference.regressionX, columns: Reference.regressionColumns)
    // x = 0, 1, 2 and y = 1, 3, 4: Σ(x − x̄)(y − ȳ) = 3, Σ(x − x̄)² = 2, ȳ = 8/3.
    let three = EstimatorTestSupport.matrix([0, 1, 2], columns: 1)
    let threeY: [Double] = [1, 3, 4]

    private func fit(_ x: FeatureMatrix, _ y: [Double], _ settings: LinearRegression.Hyperparameters) throws -> LinearRegression {
        try LinearRegression.fit(x, targets: y, task: .regression, hyperparameters: settings, seed: 0)
    }

    @Test("closed forms on three points: OLS 3/2, ridge 3/(2+1), lasso soft-threshold")
    func closedForms() throws {
        let ols = try fit(three, threeY, .init())
        #expect(abs(ols.coefficients[0] - 1.5) < 1e-14 && abs(ols.intercept - 7.0 / 6) < 1e-14)
        let ridge = try fit(three, threeY, .init(penalty: .l2, alpha: 1))
        #expect(abs(ridge.coefficients[0] - 1) < 1e-14 && abs(ridge.intercept - 5.0 / 3) < 1e-14)
        // Lasso: w = S(Σxy/n, α) / (Σx²/n) = (1 − 0.5) / (2/3) = 0.75.
        let lasso = try fit(three, threeY, .init(penalty: .l1, alpha: 0.5))
        #expect(lasso.converged)
        #expect(abs(lasso.coefficients[0] - 0.75) < 1e-14 && abs(lasso.intercept - 23.0 / 12) < 1e-14)
        let zero = try fit(three, threeY, .init(penalty: .l1, alpha: 2))
        #expect(zero.coefficients == [0] && abs(zero.intercept - 8.0 / 3) < 1e-14)
        #expect(ModelFixtures.allClose(try ols.predict(EstimatorTestSupport.matrix([4], columns: 1)), [6 + 7.0 / 6], tolerance: 1e-13))
    }

    @Test("matches scikit-learn's LinearRegression, Ridge and Lasso")
    func scikitLearn() throws {
        let cases: [(LinearRegression.Hyperparameters, [Double], Double, Double)] = [
            (.init(), Reference.olsCoefficients, Reference.olsIntercept, 1e-10),
            (.init(penalty: .l2, alpha: 1), Reference.ridgeCoefficients, Reference.ridgeIntercept, 1e-10),
            (.init(penalty: .l2, alpha: 10), Reference.ridge10Coefficients, Reference.ridge10Intercept, 1e-10),
            (.init(penalty: .l1, alpha: 0.1, tolerance: 1e-12), Reference.lassoCoefficients, Reference.lassoIntercept, 1e-8),
            (.init(penalty: .l1, alpha: 1, tolerance: 1e-12), Reference.lassoStrongCoefficients, Reference.lassoStrongIntercept, 1e-8),
        ]
        for (settings, coefficients, intercept, tolerance) in cases {
            let model = try fit(x, Reference.regressionY, settings)
            #expect(model.converged)
            #expect(ModelFixtures.allClose(model.coefficients, coefficients, tolerance: tolerance), "\(settings)")
            #expect(ModelFixtures.isClose(model.intercept, intercept, tolerance: tolerance), "\(settings)")
            for (ours, theirs) in zip(model.coefficients, coefficients) where theirs == 0 { #expect(ours == 0) }
        }
    }

    @Test("lasso with the default tolerance stays within 1e-3 of scikit-learn")
    func lassoDefaultTolerance() throws {
        let model = try fit(x, Reference.regressionY, .init(penalty: .l1, alpha: 0.1))
        #expect(model.converged)
        #expect(ModelFixtures.allClose(model.coefficients, Reference.lassoCoefficients, tolerance: 1e-3))
    }

    @Test("collinear columns get a tiny ridge and a warning, and still fit")
    func collinear() throws {
        let x = EstimatorTestSupport.matrix([0, 0, 1, 2, 2, 4, 3, 6], columns: 2)
        let model = try fit(x, [1, 3, 5, 7], .init())
        #expect(model.warning?.hasPrefix("the features are collinear") == true)
        #expect(ModelFixtures.allClose(try model.predict(x), [1, 3, 5, 7], tolerance: 1e-6))
        // The minimum-norm split of slope 2 over (x, 2x): w = (0.4, 0.8).
        #expect(ModelFixtures.allClose(model.coefficients, [0.4, 0.8], tolerance: 1e-6))
    }

    @Test("non-convergence of lasso is reported")
    func lassoNotConverged() throws {
        let model = try fit(x, Reference.regressionY, .init(penalty: .l1, alpha: 0.01, maxIterations: 1, tolerance: 1e-12))
        #expect(!model.converged)
        #expect(model.iterations == 1)
        #expect(model.warning?.hasPrefix("lasso did not converge in 1 sweeps") == true)
    }

    @Test("JSON round trip reproduces predictions bit for bit", arguments: LinearRegression.Penalty.allCases)
    func roundTrip(penalty: LinearRegression.Penalty) throws {
        let model = try fit(x, Reference.regressionY, .init(penalty: penalty, alpha: 0.3))
        let reloaded = try EstimatorTestSupport.roundTrip(model)
        #expect(reloaded == model)
        #expect(try reloaded.predict(x) == model.predict(x))
        #expect(try fit(x, Reference.regressionY, .init(penalty: penalty, alpha: 0.3)) == model)
    }

    @Test("refuses classification tasks, non-finite values and bad settings")
    func badInputs() {
        #expect(throws: ModelError("linear regression predicts a numeric target; use logistic_regression for classes")) {
            try LinearRegression.fit(three, targets: [0, 1, 1], task: .binary, hyperparameters: .init(), seed: 0)
        }
        #expect(throws: ModelError("the features contain values that are not finite numbers; impute missing values first")) {
            try fit(EstimatorTestSupport.matrix([0, .nan, 2], columns: 1), threeY, .init())
        }
        #expect(throws: ModelError("alpha must be a number >= 0")) { try fit(three, threeY, .init(penalty: .l2, alpha: -1)) }
        #expect(throws: ModelError("got 3 rows of features but 2 targets")) { try fit(three, [1, 2], .init()) }
    }

    @Test("parameter specs: penalty, alpha >= 0, max_iter, tol")
    func parameterSpecs() {
        let specs = LinearRegression.Hyperparameters.parameterSpecs
        #expect(specs.map(\.name) == ["penalty", "alpha", "max_iter", "tol"])
        #expect(specs[1].allowedValues == "a number >= 0")
        #expect(specs[1].canonical(.int(0)) == .some(.double(0)))
        #expect(specs[1].canonical(.double(-0.5)) == nil)
        let settings = LinearRegression.Hyperparameters(resolved: ["penalty": .string("l1"), "alpha": .double(0.2)])
        #expect(settings == .init(penalty: .l1, alpha: 0.2))
    }
}
