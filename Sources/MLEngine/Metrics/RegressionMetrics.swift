import Foundation

/// Regression scores as scikit-learn computes them.
///
/// ```swift
/// let metrics = RegressionMetrics.compute(actual: [3, -0.5, 2, 7], predicted: [2.5, 0, 2, 8])
/// metrics.mae // 0.5
/// ```
public struct RegressionMetrics: Sendable, Equatable, Codable {
    /// Mean absolute error.
    public var mae: Double
    /// Root mean squared error.
    public var rmse: Double
    /// Coefficient of determination, 1 − SS_res / SS_tot. With a constant target it is 1 for a
    /// perfect prediction and 0 otherwise (scikit-learn's `force_finite`).
    public var r2: Double

    /// The metrics by their notebook names (`mae`, `rmse`, `r2`).
    public var namedValues: [String: Double] { ["mae": mae, "rmse": rmse, "r2": r2] }

    /// Computes the metrics over the rows both arrays have; `nan` without rows.
    public static func compute(actual: [Double], predicted: [Double]) -> RegressionMetrics {
        let count = min(actual.count, predicted.count)
        guard count > 0 else { return RegressionMetrics(mae: .nan, rmse: .nan, r2: .nan) }
        var absolute = 0.0
        var squared = 0.0
        var mean = 0.0
        for index in 0..<count { mean += actual[index] }
        mean /= Double(count)
        var total = 0.0
        for index in 0..<count {
            let residual = actual[index] - predicted[index]
            absolute += abs(residual)
            squared += residual * residual
            total += (actual[index] - mean) * (actual[index] - mean)
        }
        let r2 = total > 0 ? 1 - squared / total : (squared == 0 ? 1 : 0)
        return RegressionMetrics(mae: absolute / Double(count), rmse: (squared / Double(count)).squareRoot(), r2: r2)
    }
}
