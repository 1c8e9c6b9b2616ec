import Foundation
import Testing
@testable import MLEngine

/// Gaussian, categorical and mixed naive Bayes: hand-computed examples and scikit-learn's
/// GaussianNB / CategoricalNB (`scripts/reference/sklearn_linear_reference.py`).
@Suite("NaiveBayes")
struct NaiveBayesTests {
    typealias Reference = SklearnLinearReference
    let x = EstimatorTestSupport.matrix(Reference.bayesX, columns: 4)
    let test = EstimatorTestSupport.matrix(Reference.bayesTestX, columns: 4)

    /// The columns `columns` of `matrix`.
    private func select(_ matrix: FeatureMatrix, _ columns: [Int]) -> FeatureMatrix {
        var values: [Double] = []
        for row in 0..<matrix.rows { for column in columns { values.append(matrix[row, column]) } }
        return EstimatorTestSupport.matrix(values, columns: columns.count)
    }

    private func fit(_ x: FeatureMatrix, _ y: [Double], task: LearningTask, _ settings: NaiveBayes.Hyperparameters) throws -> NaiveBayes {
        try NaiveBayes.fit(x, targets: y, task: task, hyperparameters: settings, seed: 0)
    }

    @Test("hand-computed Gaussian and categorical posteriors")
    func handComputed() throws {
        // Class 0: x = 0, 2 (mean 1, variance 1); class 1: x = 4, 6 (mean 5, variance 1).
        let gaussian = try fit(EstimatorTestSupport.matrix([0, 2, 4, 6], columns: 1), [0, 0, 1, 1], task: .binary, .init(varianceSmoothing: 0))
        let p = try gaussian.predict(EstimatorTestSupport.matrix([3, 1], columns: 1))
        #expect(abs(p[0] - 0.5) < 1e-15)
        #expect(abs(p[1] - 1 / (1 + exp(8))) < 1e-15)
        // Codes: class 0 → 0, 0, 1; class 1 → 1, 1. P(0|k0) = 3/5, P(0|k1) = 1/4, priors 3/5, 2/5.
        let categorical = try fit(
            EstimatorTestSupport.matrix([0, 0, 1, 1, 1], columns: 1), [0, 0, 0, 1, 1], task: .binary,
            .init(categoricalColumns: [0: 2])
        )
        let q = try categorical.predict(EstimatorTestSupport.matrix([0, -1, 7], columns: 1))
        #expect(abs(q[0] - 0.1 / 0.46) < 1e-15)
        // Missing (-1) and unknown (7) codes are skipped: the prior alone.
        #expect(abs(q[1] - 0.4) < 1e-15 && abs(q[2] - 0.4) < 1e-15)
    }

    @Test("numeric columns alone match scikit-learn's GaussianNB")
    func gaussianNB() throws {
        let model = try fit(select(x, [0, 1]), Reference.bayesY, task: .multiclass(classes: 3), .init())
        #expect(ModelFixtures.allClose(model.variances, Reference.gaussianVariances, tolerance: 1e-12))
        let probabilities = try model.predict(select(test, [0, 1]))
        #expect(ModelFixtures.allClose(probabilities, Reference.gaussianTestProbabilities, tolerance: 1e-12))
        #expect(EstimatorTestSupport.rowsSumToOne(probabilities, width: 3))
    }

    @Test("categorical columns alone match scikit-learn's CategoricalNB (also alpha 0.5, min_categories 5)")
    func categoricalNB() throws {
        let codes = select(x, [2, 3])
        let model = try fit(codes, Reference.bayesY, task: .multiclass(classes: 3), .init(categoricalColumns: [0: 3, 1: 4]))
        #expect(ModelFixtures.allClose(try model.predict(select(test, [2, 3])), Reference.categoricalTestProbabilities, tolerance: 1e-12))
        let smoothed = try fit(
            codes, Reference.bayesY, task: .multiclass(classes: 3), .init(alpha: 0.5, minCategories: 5, categoricalColumns: [0: 3, 1: 4])
        )
        #expect(smoothed.categoryCounts == [5, 5])
        #expect(ModelFixtures.allClose(
            try smoothed.predict(select(test, [2, 3])), Reference.categoricalAlpha05Min5TestProbabilities, tolerance: 1e-12
        ))
    }

    @Test("mixed columns give GaussianNB + CategoricalNB joint log-likelihoods with one prior")
    func mixed() throws {
        let model = try fit(x, Reference.bayesY, task: .multiclass(classes: 3), .init(categoricalColumns: [2: 3, 3: 4]))
        #expect(model.numericColumns == [0, 1] && model.categoricalColumns == [2, 3])
        let probabilities = try model.predict(test)
        #expect(ModelFixtures.allClose(probabilities, Reference.mixedTestProbabilities, tolerance: 1e-12))
        let reloaded = try EstimatorTestSupport.roundTrip(model)
        #expect(reloaded == model)
        #expect(try reloaded.predict(test) == probabilities)
        #expect(try fit(x, Reference.bayesY, task: .multiclass(classes: 3), .init(categoricalColumns: [2: 3, 3: 4])) == model)
    }

    @Test("a missing numeric value is left out of fit and prediction")
    func missingNumeric() throws {
        let model = try fit(EstimatorTestSupport.matrix([0, 2, .nan, 4, 6], columns: 1), [0, 0, 0, 1, 1], task: .binary, .init(varianceSmoothing: 0))
        #expect(model.means == [1, 5])
        let p = try model.predict(EstimatorTestSupport.matrix([.nan], columns: 1))
        #expect(abs(p[0] - 0.4) < 1e-15)
    }

    @Test("refuses regression, bad categorical columns and bad settings")
    func badInputs() {
        #expect(throws: ModelError("naive Bayes is a classifier; use a regression model for a numeric target")) {
            try fit(x, Reference.bayesY, task: .regression, .init())
        }
        #expect(throws: ModelError("categorical column 9 (with 3 categories) is not one of the 4 input columns")) {
            try fit(x, Reference.bayesY, task: .multiclass(classes: 3), .init(categoricalColumns: [9: 3]))
        }
        #expect(throws: ModelError("categorical column 0 holds 0.5, which is not a category code (0, 1, 2, …)")) {
            try fit(EstimatorTestSupport.matrix([0.5, 1], columns: 1), [0, 1], task: .binary, .init(categoricalColumns: [0: 2]))
        }
        #expect(throws: ModelError("alpha must be a number > 0")) {
            try fit(x, Reference.bayesY, task: .multiclass(classes: 3), .init(alpha: 0))
        }
        let specs = NaiveBayes.Hyperparameters.parameterSpecs
        #expect(specs.map(\.name) == ["var_smoothing", "alpha", "min_categories"])
        #expect(NaiveBayes.Hyperparameters(resolved: ["min_categories": .int(4)]) == .init(minCategories: 4))
    }
}
