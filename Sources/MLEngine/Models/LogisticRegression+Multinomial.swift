import Foundation

extension LogisticRegression {
    /// Fits the softmax model with OWL-QN (L-BFGS without L1); the inputs must already be validated.
    static func fitMultinomial(
        _ x: FeatureMatrix, labels: [Double], classes: Int, hyperparameters: Hyperparameters
    ) -> LogisticRegression {
        let problem = Problem(x: x, labels: labels, c: hyperparameters.c, l2: hyperparameters.penalty == .l2 ? 1 : 0)
        let columns = x.columns
        // Optimiser layout: feature-major, weight (j, k) at j * classes + k; j == columns is the intercept.
        let penalised = (0..<((columns + 1) * classes)).map { $0 < columns * classes }
        let result = OrthantWiseLBFGS.minimize(
            start: [Double](repeating: 0, count: (columns + 1) * classes), penalised: penalised,
            l1: hyperparameters.penalty == .l1 ? 1 : 0, scale: hyperparameters.c * Double(x.rows),
            tolerance: hyperparameters.tolerance, maxIterations: hyperparameters.maxIterations
        ) { weights, gradient in
            problem.evaluateMultinomial(weights, classes: classes, gradient: &gradient)
        }
        var coefficients = [Double](repeating: 0, count: classes * columns)
        var intercepts = [Double](repeating: 0, count: classes)
        for k in 0..<classes {
            for j in 0..<columns { coefficients[k * columns + j] = result.weights[j * classes + k] }
            intercepts[k] = result.weights[columns * classes + k]
        }
        // Softmax outputs do not change when every intercept moves by the same amount: report
        // the centred ones (summing to 0), as scikit-learn does.
        let meanIntercept = intercepts.reduce(0, +) / Double(classes)
        for k in 0..<classes { intercepts[k] -= meanIntercept }
        return LogisticRegression(
            task: .multiclass(classes: classes), inputCount: columns, penalty: hyperparameters.penalty,
            coefficients: coefficients, intercepts: intercepts, converged: result.converged,
            iterations: result.iterations, gradientNorm: result.gradientNorm
        )
    }

    /// Class probabilities, row after row.
    func multinomialProbabilities(_ x: FeatureMatrix, classes: Int) -> [Double] {
        let columns = x.columns
        var result = [Double](repeating: 0, count: x.rows * classes)
        x.values.withUnsafeBufferPointer { values in
            coefficients.withUnsafeBufferPointer { weights in
                result.withUnsafeMutableBufferPointer { output in
                    for row in 0..<x.rows {
                        let start = row * columns
                        let out = row * classes
                        var largest = -Double.infinity
                        for k in 0..<classes {
                            var z = intercepts[k]
                            let base = k * columns
                            for column in 0..<columns { z += values[start + column] * weights[base + column] }
                            output[out + k] = z
                            largest = max(largest, z)
                        }
                        var total = 0.0
                        for k in 0..<classes {
                            let e = exp(output[out + k] - largest)
                            output[out + k] = e
                            total += e
                        }
                        for k in 0..<classes { output[out + k] /= total }
                    }
                }
            }
        }
        return result
    }
}

extension LogisticRegression.Problem {
    /// The multinomial objective `0.5·l2·‖W‖² + C Σᵢ (logΣₖ e^{zᵢₖ} − zᵢ,yᵢ)` and its gradient,
    /// with weights feature-major (`(j, k)` at `j * classes + k`, the intercepts last).
    func evaluateMultinomial(_ weights: [Double], classes: Int, gradient: inout [Double]) -> Double {
        let interceptBase = columnCount * classes
        for j in gradient.indices { gradient[j] = 0 }
        var logLoss = 0.0
        var scores = [Double](repeating: 0, count: classes)
        weights.withUnsafeBufferPointer { w in
            gradient.withUnsafeMutableBufferPointer { g in
                scores.withUnsafeMutableBufferPointer { z in
                    rowStarts.withUnsafeBufferPointer { starts in
                        indices.withUnsafeBufferPointer { columns in
                            entries.withUnsafeBufferPointer { values in
                                for row in 0..<rowCount {
                                    for k in 0..<classes { z[k] = w[interceptBase + k] }
                                    for entry in starts[row]..<starts[row + 1] {
                                        let value = values[entry]
                                        let base = columns[entry] * classes
                                        for k in 0..<classes { z[k] += value * w[base + k] }
                                    }
                                    var largest = -Double.infinity
                                    for k in 0..<classes { largest = max(largest, z[k]) }
                                    var total = 0.0
                                    for k in 0..<classes {
                                        z[k] = exp(z[k] - largest)
                                        total += z[k]
                                    }
                                    let label = Int(labels[row])
                                    // z[label] now holds e^(z_label − largest).
                                    logLoss += log(total) - log(z[label])
                                    for k in 0..<classes {
                                        z[k] = c * (z[k] / total - (k == label ? 1 : 0))
                                        g[interceptBase + k] += z[k]
                                    }
                                    for entry in starts[row]..<starts[row + 1] {
                                        let value = values[entry]
                                        let base = columns[entry] * classes
                                        for k in 0..<classes { g[base + k] += z[k] * value }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var penalty = 0.0
        if l2 > 0 {
            for j in 0..<interceptBase {
                penalty += weights[j] * weights[j]
                gradient[j] += l2 * weights[j]
            }
        }
        return 0.5 * l2 * penalty + c * logLoss
    }
}
