/// Orthant-wise limited-memory quasi-Newton (OWL-QN, Andrew & Gao 2007): minimises
/// `f(w) + l1 · Σ |w_j|` over the penalised components `j`, for a smooth `f`.
///
/// With `l1 = 0` it is plain L-BFGS with a backtracking (Armijo) line search. Converged when
/// the largest component of the pseudo-gradient divided by `scale` is at most `tolerance`.
enum OrthantWiseLBFGS {
    /// Where the minimiser stopped.
    struct Result {
        var weights: [Double]
        var converged: Bool
        var iterations: Int
        /// The largest pseudo-gradient component divided by `scale` at `weights`.
        var gradientNorm: Double
    }

    /// Minimises from `start`; `evaluate` returns `f(w)` and writes its gradient.
    static func minimize(
        start: [Double], penalised: [Bool], l1: Double, scale: Double, tolerance: Double, maxIterations: Int,
        memory: Int = 10, evaluate: (_ weights: [Double], _ gradient: inout [Double]) -> Double
    ) -> Result {
        let count = start.count
        var weights = start
        var gradient = [Double](repeating: 0, count: count)
        var value = evaluate(weights, &gradient) + penalty(weights, penalised: penalised, l1: l1)
        var pseudo = pseudoGradient(weights, gradient: gradient, penalised: penalised, l1: l1)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var iterations = 0
        var candidateGradient = [Double](repeating: 0, count: count)
        while true {
            let norm = pseudo.reduce(0) { max($0, abs($1)) } / scale
            if norm <= tolerance || iterations >= maxIterations {
                return Result(weights: weights, converged: norm <= tolerance, iterations: iterations, gradientNorm: norm)
            }
            var accepted: (weights: [Double], value: Double)?
            for attempt in 0..<2 {
                if attempt == 1 {
                    // The curvature memory misled us: restart from steepest descent.
                    guard !steps.isEmpty else { break }
                    steps.removeAll()
                    changes.removeAll()
                }
                var direction = LogisticRegression.Problem.twoLoop(pseudo, steps: steps, changes: changes)
                if l1 > 0 {
                    for j in 0..<count where penalised[j] && direction[j] * pseudo[j] >= 0 { direction[j] = 0 }
                }
                accepted = lineSearch(
                    from: weights, value: value, pseudo: pseudo, direction: direction, penalised: penalised, l1: l1,
                    gradient: &candidateGradient, evaluate: evaluate
                )
                if accepted != nil { break }
            }
            guard let accepted else {
                return Result(weights: weights, converged: false, iterations: iterations, gradientNorm: norm)
            }
            var step = [Double](repeating: 0, count: count)
            var change = [Double](repeating: 0, count: count)
            for j in 0..<count {
                step[j] = accepted.weights[j] - weights[j]
                change[j] = candidateGradient[j] - gradient[j]
            }
            if LogisticRegression.Problem.dot(step, change) > 1e-10 * LogisticRegression.Problem.dot(change, change) {
                steps.append(step)
                changes.append(change)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                }
            }
            weights = accepted.weights
            value = accepted.value
            swap(&gradient, &candidateGradient)
            pseudo = pseudoGradient(weights, gradient: gradient, penalised: penalised, l1: l1)
            iterations += 1
        }
    }

    /// Backtracks along `direction`, projecting onto the orthant of the current point, until
    /// the objective falls enough; `nil` when no step does.
    private static func lineSearch(
        from weights: [Double], value: Double, pseudo: [Double], direction: [Double], penalised: [Bool], l1: Double,
        gradient: inout [Double], evaluate: (_ weights: [Double], _ gradient: inout [Double]) -> Double
    ) -> (weights: [Double], value: Double)? {
        let count = weights.count
        guard LogisticRegression.Problem.dot(direction, pseudo) < 0 else { return nil }
        let slack = 1e-13 * max(1, abs(value))
        var candidate = weights
        var length = 1.0
        while length >= 1e-12 {
            var decrease = 0.0
            for j in 0..<count {
                var next = weights[j] + length * direction[j]
                if l1 > 0, penalised[j] {
                    let orthant: Double = weights[j] != 0 ? (weights[j] > 0 ? 1 : -1) : (pseudo[j] < 0 ? 1 : (pseudo[j] > 0 ? -1 : 0))
                    if next * orthant <= 0 { next = 0 }
                }
                candidate[j] = next
                decrease += pseudo[j] * (next - weights[j])
            }
            let candidateValue = evaluate(candidate, &gradient) + penalty(candidate, penalised: penalised, l1: l1)
            if candidateValue <= value + 1e-4 * decrease + slack, decrease < 0 || candidateValue < value {
                return (candidate, candidateValue)
            }
            length *= 0.5
        }
        return nil
    }

    /// `l1 · Σ |w_j|` over the penalised components.
    static func penalty(_ weights: [Double], penalised: [Bool], l1: Double) -> Double {
        guard l1 > 0 else { return 0 }
        var total = 0.0
        for j in weights.indices where penalised[j] { total += abs(weights[j]) }
        return l1 * total
    }

    /// The steepest-descent-defining subgradient of `f + l1‖w‖₁`: the gradient where `w_j ≠ 0`,
    /// and at `w_j = 0` the one-sided derivative that descends, or 0 when neither does.
    static func pseudoGradient(_ weights: [Double], gradient: [Double], penalised: [Bool], l1: Double) -> [Double] {
        guard l1 > 0 else { return gradient }
        var result = gradient
        for j in weights.indices where penalised[j] {
            let g = gradient[j]
            if weights[j] > 0 {
                result[j] = g + l1
            } else if weights[j] < 0 {
                result[j] = g - l1
            } else if g + l1 < 0 {
                result[j] = g + l1
            } else if g - l1 > 0 {
                result[j] = g - l1
            } else {
                result[j] = 0
            }
        }
        return result
    }
}
