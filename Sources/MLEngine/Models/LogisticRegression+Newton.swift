extension LogisticRegression.Problem {
    /// Newton's method with a backtracking line search.
    ///
    /// Converged when the largest component of the scaled gradient and of the Newton step
    /// are both at most `tolerance`, i.e. the weights are within about `tolerance` of the
    /// optimum; that last step is still taken, which makes them far closer.
    func solveNewton(_ settings: LogisticRegression.Hyperparameters) -> Solution {
        var weights = [Double](repeating: 0, count: columnCount + 1)
        var state = evaluate(weights)
        var iterations = 0
        while true {
            let direction = direction(state)
            let settled = scaledNorm(state.gradient) <= settings.tolerance
                && direction.allSatisfy { abs($0) <= settings.tolerance }
            if iterations >= settings.maxIterations {
                return Solution(weights: weights, converged: settled, iterations: iterations)
            }
            guard let next = lineSearch(from: weights, state: state, direction: direction) else {
                return Solution(weights: weights, converged: settled, iterations: iterations)
            }
            weights = next.weights
            state = next.state
            iterations += 1
            if settled {
                return Solution(weights: weights, converged: true, iterations: iterations)
            }
        }
    }

    /// The Newton direction, or steepest descent when the Hessian cannot be factored
    /// or the Newton direction does not point downhill.
    func direction(_ state: State) -> [Double] {
        if let newton = newtonDirection(state), zip(newton, state.gradient).reduce(0, { $0 + $1.0 * $1.1 }) < 0 {
            return newton
        }
        return state.gradient.map { -$0 }
    }

    /// Solves `H d = -g` with the Hessian `l2·I' + C Xᵀ D X` (`I'` without the intercept).
    func newtonDirection(_ state: State) -> [Double]? {
        let size = columnCount + 1
        var hessian = [Double](repeating: 0, count: size * size)
        hessian.withUnsafeMutableBufferPointer { h in
            for row in 0..<rowCount {
                let p = state.probabilities[row]
                let weight = c * p * (1 - p)
                guard weight > 0 else { continue }
                let end = rowStarts[row + 1]
                for a in rowStarts[row]..<end {
                    let scaled = weight * entries[a]
                    let base = indices[a] * size
                    for b in a..<end {
                        h[base + indices[b]] += scaled * entries[b]
                    }
                    h[base + columnCount] += scaled
                }
                h[columnCount * size + columnCount] += weight
            }
            for i in 0..<size {
                if i < columnCount { h[i * size + i] += l2 }
                for j in 0..<i { h[i * size + j] = h[j * size + i] }
            }
        }
        let negativeGradient = state.gradient.map { -$0 }
        let largestDiagonal = (0..<size).reduce(1.0) { max($0, hessian[$1 * size + $1]) }
        var jitter = 0.0
        for _ in 0..<8 {
            if let solution = Cholesky.solve(hessian, size: size, rightHandSide: negativeGradient, jitter: jitter) {
                return solution
            }
            jitter = jitter == 0 ? 1e-10 * largestDiagonal : jitter * 100
        }
        return nil
    }
}
