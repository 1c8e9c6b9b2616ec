import Foundation

extension LogisticRegression {
    /// The training problem, with the features in compressed sparse rows: one-hot columns
    /// are mostly zero, so sums run over each row's non-zero entries only.
    struct Problem {
        /// Objective value, gradient and fitted probabilities at one weight vector.
        struct State {
            var loss: Double
            var gradient: [Double]
            var probabilities: [Double]
        }

        let rowCount: Int
        /// Number of feature columns; weights have one more entry, the intercept, last.
        let columnCount: Int
        let rowStarts: [Int]
        let indices: [Int]
        let entries: [Double]
        let labels: [Double]
        let c: Double
        /// The weight of the `0.5‖w‖²` term: 1 for the L2 penalty, 0 without it.
        let l2: Double

        init(x: FeatureMatrix, labels: [Double], c: Double, l2: Double = 1) {
            var rowStarts = [0]
            var indices: [Int] = []
            var entries: [Double] = []
            rowStarts.reserveCapacity(x.rows + 1)
            for row in 0..<x.rows {
                let start = row * x.columns
                for column in 0..<x.columns where x.values[start + column] != 0 {
                    indices.append(column)
                    entries.append(x.values[start + column])
                }
                rowStarts.append(indices.count)
            }
            self.rowCount = x.rows
            self.columnCount = x.columns
            self.rowStarts = rowStarts
            self.indices = indices
            self.entries = entries
            self.labels = labels
            self.c = c
            self.l2 = l2
        }

        /// The objective `0.5·l2·‖w‖² + C Σ logloss` and its gradient at `weights`.
        func evaluate(_ weights: [Double]) -> State {
            var gradient = [Double](repeating: 0, count: columnCount + 1)
            var probabilities = [Double](repeating: 0, count: rowCount)
            var logLoss = 0.0
            var interceptGradient = 0.0
            let c = c
            weights.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { g in
                    probabilities.withUnsafeMutableBufferPointer { p in
                        rowStarts.withUnsafeBufferPointer { starts in
                            indices.withUnsafeBufferPointer { columns in
                                entries.withUnsafeBufferPointer { values in
                                    labels.withUnsafeBufferPointer { y in
                                        for row in 0..<rowCount {
                                            var z = w[columnCount]
                                            for entry in starts[row]..<starts[row + 1] {
                                                z += values[entry] * w[columns[entry]]
                                            }
                                            // One exponential serves both the probability and
                                            // log(1 + e^z) − y z, computed without overflow.
                                            let e = exp(-abs(z))
                                            let probability = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                                            p[row] = probability
                                            logLoss += max(z, 0) + log1p(e) - y[row] * z
                                            let residual = c * (probability - y[row])
                                            for entry in starts[row]..<starts[row + 1] {
                                                g[columns[entry]] += residual * values[entry]
                                            }
                                            interceptGradient += residual
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            gradient[columnCount] = interceptGradient
            var penalty = 0.0
            for column in 0..<columnCount {
                penalty += weights[column] * weights[column]
                gradient[column] += l2 * weights[column]
            }
            return State(loss: 0.5 * l2 * penalty + c * logLoss, gradient: gradient, probabilities: probabilities)
        }

        /// The largest gradient component of the mean objective, scikit-learn's convergence measure.
        func scaledNorm(_ gradient: [Double]) -> Double {
            gradient.reduce(0) { max($0, abs($1)) } / (c * Double(rowCount))
        }

        /// The result of a solver.
        struct Solution {
            var weights: [Double]
            var converged: Bool
            var iterations: Int
        }

        /// A step along `direction` that lowers the objective enough (Armijo backtracking),
        /// or `nil` when none does.
        func lineSearch(from weights: [Double], state: State, direction: [Double]) -> (weights: [Double], state: State)? {
            let slope = zip(direction, state.gradient).reduce(0) { $0 + $1.0 * $1.1 }
            guard slope < 0 else { return nil }
            // Slack for rounding: near the optimum the loss stops changing in its last bits.
            let slack = 1e-13 * max(1, abs(state.loss))
            var length = 1.0
            while length >= 1e-12 {
                let candidate = zip(weights, direction).map { $0 + length * $1 }
                let candidateState = evaluate(candidate)
                if candidateState.loss <= state.loss + 1e-4 * length * slope + slack {
                    return (candidate, candidateState)
                }
                length *= 0.5
            }
            return nil
        }
    }
}
