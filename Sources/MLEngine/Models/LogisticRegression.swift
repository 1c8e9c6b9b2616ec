import Foundation

/// Binary logistic regression with L2 regularisation, as scikit-learn's `LogisticRegression`.
///
/// Minimises `0.5‖w‖² + C Σᵢ logloss(yᵢ, σ(xᵢ·w + b))`; the intercept `b` is not penalised.
/// Solved by Newton's method (a Cholesky solve of the `(p+1)²` Hessian, with a backtracking
/// line search), which converges in a handful of iterations; inputs wider than 1,023 encoded
/// columns use L-BFGS instead. Both are deterministic.
/// Newton has converged when the largest gradient component of the mean objective
/// (scikit-learn's scaling: the gradient above divided by `C·n`) and the largest component
/// of the Newton step are both at most `tolerance`; that last step is still taken, so the
/// weights end up far closer to the optimum than `tolerance`. L-BFGS stops on the gradient alone.
public struct LogisticRegression: Codable, Sendable, Equatable {
    /// Settings of the solver; see ``ModelKind/logisticRegression`` for their documentation.
    public struct Hyperparameters: Sendable, Equatable {
        /// Inverse regularisation strength (`C` in scikit-learn); must be > 0.
        public var c: Double
        /// Gradient tolerance for convergence (`tol`); must be > 0.
        public var tolerance: Double
        /// Most Newton iterations (`max_iter`); must be ≥ 1.
        public var maxIterations: Int

        /// Creates solver settings; the defaults are scikit-learn's.
        public init(c: Double = 1.0, tolerance: Double = 1e-4, maxIterations: Int = 100) {
            self.c = c
            self.tolerance = tolerance
            self.maxIterations = maxIterations
        }
    }

    /// One weight per encoded feature column.
    public var coefficients: [Double]
    /// The bias term.
    public var intercept: Double
    /// Whether the gradient tolerance was reached within the iteration limit.
    public var converged: Bool
    /// Solver iterations performed.
    public var iterations: Int
    /// The largest absolute gradient component of the mean objective at the solution.
    public var gradientNorm: Double

    /// Fits the model to `x` and 0/1 `labels`.
    /// - Throws: ``ModelError`` when the sizes disagree, there are no rows, a label is not 0 or 1,
    ///   a value is not finite, or a setting is out of range.
    public static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters = Hyperparameters()
    ) throws(ModelError) -> LogisticRegression {
        try validate(x, labels: labels, hyperparameters: hyperparameters)
        let solver: Solver = x.columns + 1 <= newtonColumnLimit ? .newton : .lbfgs
        return fit(x, labels: labels, hyperparameters: hyperparameters, solver: solver)
    }

    /// The optimisation method.
    enum Solver {
        /// Newton's method with a dense Hessian: a few iterations, `O(p²)` memory.
        case newton
        /// Limited-memory BFGS: more iterations, `O(p)` memory.
        case lbfgs
    }

    /// The widest input (columns + intercept) solved by Newton's method; wider ones use L-BFGS.
    static let newtonColumnLimit = 1024

    /// Fits with a given solver; the inputs must already be validated.
    static func fit(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters, solver: Solver
    ) -> LogisticRegression {
        let problem = Problem(x: x, labels: labels, c: hyperparameters.c)
        let solution = switch solver {
        case .newton: problem.solveNewton(hyperparameters)
        case .lbfgs: problem.solveLBFGS(hyperparameters)
        }
        let weights = solution.weights
        let gradientNorm = problem.scaledNorm(problem.evaluate(weights).gradient)
        return LogisticRegression(
            coefficients: Array(weights.dropLast()), intercept: weights[x.columns],
            converged: solution.converged, iterations: solution.iterations, gradientNorm: gradientNorm
        )
    }

    /// The probability of the positive class for every row of `x`.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the model.
    public func probabilities(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == coefficients.count else {
            throw ModelError("the model expects \(coefficients.count) encoded columns but got \(x.columns)")
        }
        var result = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { values in
            for row in 0..<x.rows {
                var z = 0.0
                let start = row * x.columns
                for column in 0..<x.columns {
                    z += values[start + column] * coefficients[column]
                }
                result[row] = Self.sigmoid(z + intercept)
            }
        }
        return result
    }

    /// The logistic function, computed without overflow.
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    private static func validate(
        _ x: FeatureMatrix, labels: [Double], hyperparameters: Hyperparameters
    ) throws(ModelError) {
        guard x.rows == labels.count else {
            throw ModelError("got \(x.rows) rows of features but \(labels.count) labels")
        }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw ModelError("labels must be 0 or 1") }
        guard x.values.allSatisfy(\.isFinite) else { throw ModelError("the features contain values that are not finite numbers") }
        guard hyperparameters.c > 0, hyperparameters.c.isFinite else { throw ModelError("C must be a number > 0") }
        guard hyperparameters.tolerance > 0 else { throw ModelError("tol must be a number > 0") }
        guard hyperparameters.maxIterations >= 1 else { throw ModelError("max_iter must be an integer >= 1") }
    }
}
