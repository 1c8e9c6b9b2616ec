extension LogisticRegression.Problem {
    /// Limited-memory BFGS with a backtracking line search, for inputs too wide for a
    /// dense Hessian. Converged when the largest component of the scaled gradient is at
    /// most `tolerance` (scikit-learn's `lbfgs` criterion).
    func solveLBFGS(_ settings: LogisticRegression.Hyperparameters, memory: Int = 10) -> Solution {
        var weights = [Double](repeating: 0, count: columnCount + 1)
        var state = evaluate(weights)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var iterations = 0
        while true {
            if scaledNorm(state.gradient) <= settings.tolerance {
                return Solution(weights: weights, converged: true, iterations: iterations)
            }
            if iterations >= settings.maxIterations {
                return Solution(weights: weights, converged: false, iterations: iterations)
            }
            var direction = Self.twoLoop(state.gradient, steps: steps, changes: changes)
            if !(Self.dot(direction, state.gradient) < 0) {
                steps.removeAll()
                changes.removeAll()
                direction = Self.twoLoop(state.gradient, steps: steps, changes: changes)
            }
            var next = lineSearch(from: weights, state: state, direction: direction)
            if next == nil, !steps.isEmpty {
                // The curvature memory misled us: restart from steepest descent.
                steps.removeAll()
                changes.removeAll()
                direction = Self.twoLoop(state.gradient, steps: steps, changes: changes)
                next = lineSearch(from: weights, state: state, direction: direction)
            }
            guard let next else {
                return Solution(weights: weights, converged: false, iterations: iterations)
            }
            let step = zip(next.weights, weights).map { $0 - $1 }
            let change = zip(next.state.gradient, state.gradient).map { $0 - $1 }
            if Self.dot(step, change) > 1e-10 * Self.dot(change, change) {
                steps.append(step)
                changes.append(change)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                }
            }
            weights = next.weights
            state = next.state
            iterations += 1
        }
    }

    /// The quasi-Newton direction `−H·g` from the stored steps and gradient changes;
    /// without history, the steepest-descent direction scaled to unit length.
    static func twoLoop(_ gradient: [Double], steps: [[Double]], changes: [[Double]]) -> [Double] {
        guard let lastStep = steps.last, let lastChange = changes.last else {
            let norm = dot(gradient, gradient).squareRoot()
            return gradient.map { -$0 / max(norm, 1) }
        }
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for index in stride(from: steps.count - 1, through: 0, by: -1) {
            let rho = 1 / dot(changes[index], steps[index])
            alphas[index] = rho * dot(steps[index], q)
            for j in q.indices { q[j] -= alphas[index] * changes[index][j] }
        }
        let gamma = dot(lastStep, lastChange) / dot(lastChange, lastChange)
        for j in q.indices { q[j] *= gamma }
        for index in steps.indices {
            let rho = 1 / dot(changes[index], steps[index])
            let beta = rho * dot(changes[index], q)
            for j in q.indices { q[j] += (alphas[index] - beta) * steps[index][j] }
        }
        return q.map { -$0 }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
