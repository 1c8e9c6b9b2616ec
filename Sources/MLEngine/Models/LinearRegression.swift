import Foundation

/// Linear regression: ordinary least squares, ridge (L2) or lasso (L1), as scikit-learn's
/// `LinearRegression`, `Ridge` and `Lasso`. One type, the notebook kind `linear_regression`,
/// with a `penalty` parameter:
///
/// - `"none"` (default): minimises `‖y − Xw − b‖²`;
/// - `"l2"`: minimises `‖y − Xw − b‖² + alpha‖w‖²` (scikit-learn's `Ridge(alpha)`);
/// - `"l1"`: minimises `(1/2n)‖y − Xw − b‖² + alpha‖w‖₁` (scikit-learn's `Lasso(alpha)`).
///
/// The intercept `b` is never penalised: the columns and targets are centred first and
/// `b = ȳ − x̄·w`. OLS and ridge solve the normal equations `(XᵀX + alpha·I) w = Xᵀy` by
/// Cholesky; when `XᵀX` is singular (collinear or constant columns) a tiny ridge
/// (`1e-10 ×` the largest diagonal entry) is added and ``warning`` says so — close to the
/// minimum-norm solution scikit-learn's `lstsq` returns. Lasso runs cyclic coordinate descent on
/// the Gram matrix until the largest weight change is at most `tol ×` the largest weight and
/// the duality gap is at most `tol · ‖y − ȳ‖²` (scikit-learn's criterion), or `max_iter` sweeps.
///
/// Serialised as JSON (``formatVersion`` 1): `formatVersion`, `inputCount`, `penalty`,
/// `alpha`, `coefficients` (one weight per encoded column), `intercept`, `converged` (always
/// true for OLS and ridge), `iterations` (coordinate-descent sweeps; 0 for OLS and ridge) and
/// `warning` (absent, or why the solution may not be what was asked).
public struct LinearRegression: Estimator {
    /// The current serialisation version.
    public static let currentFormatVersion = 1

    /// The regularisation term.
    public enum Penalty: String, Codable, Sendable, CaseIterable {
        /// Ordinary least squares.
        case none
        /// Ridge: `alpha‖w‖²`.
        case l2
        /// Lasso: `alpha‖w‖₁` against the mean squared error halved.
        case l1
    }

    /// Settings of the fit; see ``parameterSpecs``.
    public struct Hyperparameters: Sendable, Equatable {
        /// The regularisation (`penalty`).
        public var penalty: Penalty
        /// The regularisation strength (`alpha`), >= 0; unused without a penalty.
        public var alpha: Double
        /// Most coordinate-descent sweeps for lasso (`max_iter`), >= 1.
        public var maxIterations: Int
        /// Lasso tolerance (`tol`), > 0.
        public var tolerance: Double

        /// Creates settings; the defaults are scikit-learn's (`alpha` as in `Ridge`/`Lasso`).
        public init(penalty: Penalty = .none, alpha: Double = 1.0, maxIterations: Int = 1000, tolerance: Double = 1e-4) {
            self.penalty = penalty
            self.alpha = alpha
            self.maxIterations = maxIterations
            self.tolerance = tolerance
        }

        /// The notebook parameters: `penalty`, `alpha`, `max_iter`, `tol`.
        public static let parameterSpecs: [ParameterSpec] = [
            ParameterSpec(name: "penalty", summary: "The regularisation: \"none\" (least squares), \"l2\" (ridge) or \"l1\" (lasso).",
                          defaultValue: .string("none"), rule: .oneOf(Penalty.allCases.map(\.rawValue))),
            ParameterSpec(name: "alpha", summary: "Regularisation strength for \"l2\" and \"l1\": larger values shrink the weights more.",
                          defaultValue: .double(1.0), rule: .nonNegativeNumber),
            ParameterSpec(name: "max_iter", summary: "The most coordinate-descent sweeps (lasso only).",
                          defaultValue: .int(1000), rule: .integer(atLeast: 1)),
            ParameterSpec(name: "tol", summary: "Lasso convergence tolerance on the weight changes and the duality gap.",
                          defaultValue: .double(1e-4), rule: .positiveNumber),
        ]

        /// Settings from parameters validated against ``parameterSpecs``; absent ones take defaults.
        public init(resolved: [String: ParameterValue]) {
            let defaults = Hyperparameters()
            var penalty = defaults.penalty
            if case .string(let name)? = resolved["penalty"], let chosen = Penalty(rawValue: name) { penalty = chosen }
            self.init(
                penalty: penalty, alpha: resolved["alpha"]?.doubleValue ?? defaults.alpha,
                maxIterations: resolved["max_iter"]?.intValue ?? defaults.maxIterations,
                tolerance: resolved["tol"]?.doubleValue ?? defaults.tolerance
            )
        }
    }

    /// Always ``LearningTask/regression``.
    public var task: LearningTask { .regression }
    /// The number of encoded columns the model takes.
    public var inputCount: Int
    /// The regularisation the model was fitted with.
    public var penalty: Penalty
    /// The regularisation strength it was fitted with.
    public var alpha: Double
    /// One weight per encoded column.
    public var coefficients: [Double]
    /// The bias.
    public var intercept: Double
    /// Whether lasso's coordinate descent met its tolerance (always true for OLS and ridge).
    public var converged: Bool
    /// Coordinate-descent sweeps (0 for OLS and ridge).
    public var iterations: Int
    /// Why the solution may not be what was asked (a singular system), or `nil`.
    public var warning: String?

    /// Absolute weights normalised to sum to 1; meaningful when the inputs are standardised.
    public var featureImportances: [Double]? {
        let sum = coefficients.reduce(0) { $0 + abs($1) }
        return coefficients.map { sum > 0 ? abs($0) / sum : 0 }
    }

    /// Fits the model; `task` must be `.regression` and `seed` is unused.
    /// - Throws: ``ModelError`` for another task, mismatched sizes, no rows, values or targets
    ///   that are not finite, or a setting out of range.
    public static func fit(
        _ x: FeatureMatrix, targets: [Double], task: LearningTask,
        hyperparameters: Hyperparameters, seed: UInt64
    ) throws(ModelError) -> LinearRegression {
        guard task == .regression else {
            throw ModelError("linear regression predicts a numeric target; use logistic_regression for classes")
        }
        guard x.rows == targets.count else { throw ModelError("got \(x.rows) rows of features but \(targets.count) targets") }
        guard x.rows > 0 else { throw ModelError("cannot train on an empty dataset") }
        guard targets.allSatisfy(\.isFinite) else { throw ModelError("the target contains values that are not finite numbers") }
        guard x.values.allSatisfy(\.isFinite) else {
            throw ModelError("the features contain values that are not finite numbers; impute missing values first")
        }
        guard hyperparameters.alpha >= 0, hyperparameters.alpha.isFinite else { throw ModelError("alpha must be a number >= 0") }
        guard hyperparameters.tolerance > 0 else { throw ModelError("tol must be a number > 0") }
        guard hyperparameters.maxIterations >= 1 else { throw ModelError("max_iter must be an integer >= 1") }
        let system = NormalEquations(x, targets: targets)
        var model = LinearRegression(
            inputCount: x.columns, penalty: hyperparameters.penalty, alpha: hyperparameters.alpha,
            coefficients: [], intercept: 0, converged: true, iterations: 0, warning: nil
        )
        switch hyperparameters.penalty {
        case .none, .l2:
            let ridge = hyperparameters.penalty == .l2 ? hyperparameters.alpha : 0
            (model.coefficients, model.warning) = system.solve(ridge: ridge)
        case .l1:
            let result = system.lasso(
                alpha: hyperparameters.alpha, maxIterations: hyperparameters.maxIterations, tolerance: hyperparameters.tolerance
            )
            (model.coefficients, model.converged, model.iterations) = (result.weights, result.converged, result.sweeps)
            if !result.converged {
                model.warning = "lasso did not converge in \(result.sweeps) sweeps; raise max_iter or tol, or scale the features"
            }
        }
        var offset = 0.0
        for j in 0..<x.columns { offset += system.columnMeans[j] * model.coefficients[j] }
        model.intercept = system.targetMean - offset
        return model
    }

    /// One predicted value per row of `x`.
    /// - Throws: ``ModelError`` when `x` has a different number of columns than the model.
    public func predict(_ x: FeatureMatrix) throws(ModelError) -> [Double] {
        guard x.columns == inputCount else {
            throw ModelError("the model expects \(inputCount) encoded columns but got \(x.columns)")
        }
        let columns = x.columns
        var result = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { values in
            coefficients.withUnsafeBufferPointer { weights in
                result.withUnsafeMutableBufferPointer { output in
                    for row in 0..<x.rows {
                        var sum = intercept
                        let start = row * columns
                        for column in 0..<columns { sum += values[start + column] * weights[column] }
                        output[row] = sum
                    }
                }
            }
        }
        return result
    }
}

extension LinearRegression {
    enum CodingKeys: String, CodingKey {
        case formatVersion, inputCount, penalty, alpha, coefficients, intercept, converged, iterations, warning
    }

    /// Decodes the layout documented on the type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.currentFormatVersion else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "linear regression format version \(version) is not \(Self.currentFormatVersion)"
            ))
        }
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        penalty = try container.decode(Penalty.self, forKey: .penalty)
        alpha = try container.decode(Double.self, forKey: .alpha)
        coefficients = try container.decode([Double].self, forKey: .coefficients)
        intercept = try container.decode(Double.self, forKey: .intercept)
        converged = try container.decode(Bool.self, forKey: .converged)
        iterations = try container.decode(Int.self, forKey: .iterations)
        warning = try container.decodeIfPresent(String.self, forKey: .warning)
        guard coefficients.count == inputCount else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "the linear regression has \(coefficients.count) weights for \(inputCount) inputs"
            ))
        }
    }

    /// Encodes the layout documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentFormatVersion, forKey: .formatVersion)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(penalty, forKey: .penalty)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(intercept, forKey: .intercept)
        try container.encode(converged, forKey: .converged)
        try container.encode(iterations, forKey: .iterations)
        try container.encodeIfPresent(warning, forKey: .warning)
    }
}
