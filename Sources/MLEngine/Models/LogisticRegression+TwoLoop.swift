extension LogisticRegression.Problem {
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
