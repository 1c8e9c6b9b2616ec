import Foundation

/// Logistic regression, binary or multinomial, as scikit-learn's `LogisticRegression`.
///
/// Minimises `C Σᵢ logloss(yᵢ, softmax(W xᵢ + b)) + penalty(W)` where the penalty is
/// `0.5‖W‖²` (`"l2"`, the default), `‖W‖₁` (`"l1"`) or nothing (`"none"`); the intercepts
/// `b` are never penalised. This is scikit-learn's objective times `C·n`, so the optimum is
/// the same. A binary model has one weight vector (the logit of class 1); a multinomial one
/// has a weight vector per class (the full softmax parametrisation scikit-learn's `lbfgs`
/// uses).
///
/// Solvers, all deterministic:
/// - binary with `"l2"` or `"none"`: Newton's method (a Cholesky solve of the `(p+1)²`
///   Hessian with a backtracking line search); inputs wider than 1,023 encoded columns use
///   L-BFGS instead;
/// - multinomial, and any `"l1"` fit: OWL-QN (L-BFGS that handles the L1 term by
///   orthant-wise steps; without L1 it is plain L-BFGS).
///
/// Converged when the largest component of the (pseudo-)gradient of the mean objective (the
/// gradient above divided by `C·n`, scikit-learn's `lbfgs` criterion) is at most `tolerance`;
/// Newton also requires its step to be that small, and still takes that last step.
///
/// Serialised as JSON (``formatVersion`` 2):
/// - `formatVersion`: 2;
/// - `task`: `{"binary": {}}` or `{"multiclass": {"classes": K}}`;
/// - `inputCount`: the number of encoded columns `p`;
/// - `penalty`: `"l2"`, `"l1"` or `"none"`;
/// - `coefficients`: binary, `p` weights; multinomial, `K·p` weights, class after class;
/// - `intercepts`: 1 (binary) or `K` biases;
/// - `converged`, `iterations`, `gradientNorm`: how the solver ended.
///
/// The version-1 layout of binary models written before (`coefficients`, `intercept`,
/// `converged`, `iterations`, `gradientNorm`, no `formatVersion`) still loads, as an L2 binary model.
public struct LogisticRegression: Estimator {
    /// The current serialisation version.
    public static let currentFormatVersion = 2

    /// The regularisation term.
    public enum Penalty: String, Codable, Sendable, CaseIterable {
        /// `0.5‖w‖²`, scikit-learn's default.
        case l2
        /// `‖w‖₁`: drives weights to exactly zero.
        case l1
        /// No regularisation: weights may grow without bound on separable data.
        case none
    }

    /// Settings of the solver; see ``parameterSpecs`` for their documentation.
    public struct Hyperparameters: Sendable, Equatable {
        /// Inverse regularisation strength (`C` in scikit-learn); must be > 0.
        public var c: Double
        /// Gradient tolerance for convergence (`tol`); must be > 0.
        public var tolerance: Double
        /// Most solver iterations (`max_iter`); must be ≥ 1.
        public var maxIterations: Int
        /// The regularisation term (`penalty`).
        public var penalty: Penalty

        /// Creates solver settings; the defaults are scikit-learn's.
        public init(c: Double = 1.0, tolerance: Double = 1e-4, maxIterations: Int = 100, penalty: Penalty = .l2) {
            self.c = c
            self.tolerance = tolerance
            self.maxIterations = maxIterations
            self.penalty = penalty
        }

        /// The notebook parameters: `C`, `max_iter`, `tol`, `penalty`.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "C", summary: "Inverse regularisation strength: smaller values regularise more.",
                          defaultValue: .double(1.0), rule: .positiveNumber),
            ParameterSpec(name: "max_iter", summary: "The most solver iterations.",
                          defaultValue: .int(100), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "tol", summary: "Convergence tolerance on the largest gradient component.",
                          defaultValue: .double(1e-4), rule: .positiveNumber),
            ParameterSpec(name: "penalty", summary: "The regularisation: \"l2\" (ridge), \"l1\" (lasso, sparse weights) or \"none\".",
                          defaultValue: .string("l2"), rule: .oneOf(Penalty.allCases.map(\.rawValue))),
        ]

        /// Settings from parameters validated against ``parameterSpecs``; absent ones take defaults.
        public init(resolved: [String: ParameterValue]) {
            let defaults = Hyperparameters()
            var penalty = defaults.penalty
            if case .string(let name)? = resolved["penalty"], let chosen = Penalty(rawValue: name) { penalty = chosen }
            self.init(
                c: resolved["C"]?.doubleValue ?? defaults.c,
                tolerance: resolved["tol"]?.doubleValue ?? defaults.tolerance,
                maxIterations: resolved["max_iter"]?.intValue ?? defaults.maxIterations,
                penalty: penalty
            )
        }
    }

    /// Binary or multiclass.
    public var task: LearningTask
    /// The number of encoded columns the model takes.
    public var inputCount: Int
    /// The regularisation the model was fitted with.
    public var penalty: Penalty
    /// Binary: one weight per encoded column. Multinomial: `classes × inputCount` weights,
    /// class after class.
    public var coefficients: [Double]
    /// One bias (binary) or one per class (multinomial).
    public var intercepts: [Double]
    /// Whether the gradient tolerance was reached within the iteration limit.
    public var converged: Bool
    /// Solver iterations performed.
    public var iterations: Int
    /// The largest absolute (pseudo-)gradient component of the mean objective at the solution.
    public var gradientNorm: Double

    /// The bias of a binary model (the first bias of a multinomial one).
    public var intercept: Double { intercepts.first ?? 0 }

    /// Absolute weights per column (summed over classes), normalised to sum to 1; meaningful
    /// when the inputs are standardised.
    public var featureImportances: [Double]? {
        var totals = [Double](repeating: 0, count: inputCount)
        for (index, weight) in coefficients.enumerated() { totals[index % max(inputCount, 1)] += abs(weight) }
        let sum = totals.reduce(0, +)
        return sum > 0 ? totals.map { $0 / sum } : totals
    }

    /// Fits a binary model to `x` and 0/1 `labels`.
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a label is not 0 or 1,
    ///   a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters = Hyperparameters()
    ) throws(ModelError) -> LogisticRegression {
        try fit(x, targets: labels, task: .binary, hyperparameters: hyperparameters, seed: 0)
    }

    /// Fits a binary (`.binary`) or multinomial (`.multiclass`) model; `seed` is unused (the
    /// solvers are deterministic).
    /// - Throws: ``ModelError`` for a regression task, mismatched sizes, labels outside the
    ///   task's classes, values that are not finite, or a setting out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> LogisticRegression {
        try validate(x, labels: targets, task: task, hyperparameters: hyperparameters)
        switch task {
        case .binary:
            let solver: Solver = hyperparameters.penalty == .l1
                ? .owlqn : (x.columns + 1 <= newtonColumnLimit ? .newton : .lbfgs)
            return fit(x, labels: targets, hyperparameters: hyperparameters, solver: solver)
        case .multiclass(let classes):
            return fitMultinomial(x, labels: targets, classes: classes, hyperparameters: hyperparameters)
        case .regression:
            throw ModelError("logistic regression is a classifier; use linear_regression for a numeric target")
        }
    }

    /// The optimisation method of a binary fit.
    enum Solver {
        /// Newton's method with a dense Hessian: a few iterations, `O(p²)` memory.
        case newton
        /// Limited-memory BFGS: more iterations, `O(p)` memory.
        case lbfgs
        /// Orthant-wise L-BFGS, for the L1 penalty.
        case owlqn
    }

    /// The widest input (columns + intercept) solved by Newton's method; wider ones use L-BFGS.
    static let newtonColumnLimit = 1024

    /// Fits a binary model with a given solver; the inputs must already be validated.
    static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters, solver: Solver
    ) -> LogisticRegression {
        let l2 = hyperparameters.penalty == .l2 ? 1.0 : 0.0
        let problem = Problem(x: x, labels: labels, c: hyperparameters.c, l2: l2)
        let weights: [Double]
        let converged: Bool
        let iterations: Int
        let gradientNorm: Double
        switch solver {
        case .newton:
            let solution = problem.solveNewton(hyperparameters)
            (weights, converged, iterations) = (solution.weights, solution.converged, solution.iterations)
            gradientNorm = problem.scaledNorm(problem.evaluate(weights).gradient)
        case .lbfgs, .owlqn:
            // One quasi-Newton loop for both: with no L1 term OWL-QN is plain L-BFGS.
            let l1 = solver == .owlqn && hyperparameters.penalty == .l1 ? 1.0 : 0.0
            let penalised = (0...x.columns).map { $0 < x.columns }
            let result = OrthantWiseLBFGS.minimize(
                start: [Double](repeating: 0, count: x.columns + 1), penalised: penalised, l1: l1,
                scale: hyperparameters.c * Double(x.rows), tolerance: hyperparameters.tolerance,
                maxIterations: hyperparameters.maxIterations
            ) { weights, gradient in
                let state = problem.evaluate(weights)
                gradient = state.gradient
                return state.loss
            }
            (weights, converged, iterations, gradientNorm) = (result.weights, result.converged, result.iterations, result.gradientNorm)
        }
        return LogisticRegression(
            task: .binary, inputCount: x.columns, penalty: hyperparameters.penalty,
            coefficients: Array(weights.dropLast()), intercepts: [weights[x.columns]],
            converged: converged, iterations: iterations, gradientNorm: gradientNorm
        )
    }

    /// Outputs for every row of `x`: P(class 1) per row (binary) or the class probabilities
    /// row after row (multinomial).
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the model.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
        if case .multiclass(let classes) = task { return multinomialProbabilities(x, classes: classes) }
        let columns = x.columns
        var result = [Double](repeating: 0, count: x.rows)
        let bias = intercept
        x.values.withUnsafeBufferPointer { values in
            coefficients.withUnsafeBufferPointer { weights in
                result.withUnsafeMutableBufferPointer { output in
                    for row in 0..<x.rows {
                        var z = 0.0
                        let start = row * columns
                        for column in 0..<columns {
                            z += values[start + column] * weights[column]
                        }
                        output[row] = Self.sigmoid(z + bias)
                    }
                }
            }
        }
        return result
    }

    /// The probability of the positive class for every row of `x` (binary models), the same as ``predict(_:)``.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the model.
    public func probabilities(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        try predict(x)
    }

    /// The logistic function, computed without overflow.
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    private static func validate(
        _ x: FeatureMatrix, labels: [Double], task: LearningTask, hyperparameters: Hyperparameters
    ) throws(ModelError) {
        guard x.rows == labels.count else {
            throw ModelError("got \(x.rows) rows of features but \(labels.count) labels")
        }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        switch task {
        case .binary:
            guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ModelError("labels must be 0 or 1") }
        case .multiclass(let classes):
            guard classes >= 2 else { throw ModelError("a multiclass task needs at least 2 classes, got \(classes)") }
            guard labels.allSatisfy({ $0 >= 0 && $0 < Double(classes) && $0.rounded() == $0 }) else {
                throw ModelError("labels must be class indices 0 to \(classes - 1)")
            }
        case .regression:
            throw ModelError("logistic regression is a classifier; use linear_regression for a numeric target")
        }
        guard x.values.allSatisfy(\.isFinite) else {
            throw ModelError("the features contain values that are not finite numbers; impute missing values first")
        }
        guard hyperparameters.c > 0, hyperparameters.c.isFinite else { throw ModelError("C must be a number > 0") }
        guard hyperparameters.tolerance > 0 else { throw ModelError("tol must be a number > 0") }
        guard hyperparameters.maxIterations >= 1 else { throw ModelError("max_iter must be an integer >= 1") }
    }
}
