import Foundation

/// A mixture of product kernels on the unit cube, Optuna's multivariate Parzen estimator
/// (`_ParzenEstimator` with its default parameters): one kernel per observation plus a prior
/// kernel, weighted by Optuna's `default_weights` (older observations ramp down once there
/// are more than 25) and a prior weight of 1.
///
/// Numeric coordinates get a normal kernel truncated to [0, 1] whose width is the larger
/// gap to a neighbouring observation (the end kernels use their inner gap only), clipped
/// to [1 / min(100, n + 2), 1] ("magic clip"); the prior kernel sits at 0.5 with width 1.
/// Categorical coordinates get a categorical kernel: `1 + prior/(n+1)` on the observed
/// choice, `prior/(n+1)` elsewhere, normalised; the prior kernel is uniform.
struct ParzenMixture {
    /// One coordinate's kernels: means and widths (numeric) or probabilities (categorical).
    enum Axis {
        case numeric(means: [Double], sigmas: [Double])
        case categorical(probabilities: [[Double]])
    }

    let weights: [Double]
    let axes: [Axis]

    /// - Parameters:
    ///   - observations: one point per observation, in trial order; categorical coordinates
    ///     hold the choice index.
    ///   - choiceCounts: per coordinate, the number of choices, or `nil` for a numeric one.
    init(observations: [[Double]], choiceCounts: [Int?]) {
        let n = observations.count
        var weights = Self.defaultWeights(n) + [1.0]
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        self.weights = weights
        axes = choiceCounts.enumerated().map { axis, choices in
            let values = observations.map { $0[axis] }
            if let choices {
                let prior = 1.0 / Double(n + 1)
                var rows = values.map { value -> [Double] in
                    var row = [Double](repeating: prior, count: choices)
                    row[min(max(Int(value), 0), choices - 1)] += 1
                    let sum = row.reduce(0, +)
                    return row.map { $0 / sum }
                }
                rows.append([Double](repeating: 1.0 / Double(choices), count: choices))
                return .categorical(probabilities: rows)
            }
            return .numeric(means: values + [0.5], sigmas: Self.sigmas(values) + [1])
        }
    }

    /// Optuna's `default_weights(n)`: all ones below 25, else a ramp from 1/n up to 1 over
    /// the oldest n − 25 and ones for the newest 25.
    static func defaultWeights(_ n: Int) -> [Double] {
        guard n >= 25 else { return [Double](repeating: 1, count: n) }
        let rampCount = n - 25
        let start = 1.0 / Double(n)
        var weights = [Double](repeating: 1, count: n)
        for index in 0..<rampCount {
            let share = rampCount == 1 ? 0 : Double(index) / Double(rampCount - 1)
            weights[index] = start + (1 - start) * share
        }
        return weights
    }

    /// Kernel widths on [0, 1] for observations `mus` (prior excluded).
    static func sigmas(_ mus: [Double]) -> [Double] {
        guard !mus.isEmpty else { return [] }
        let order: [Int] = mus.indices.sorted { (a: Int, b: Int) -> Bool in
            mus[a] < mus[b] || (mus[a] == mus[b] && a < b)
        }
        var sorted: [Double] = [0]
        for index in order { sorted.append(mus[index]) }
        sorted.append(1)
        var sortedSigmas: [Double] = []
        for index in 1..<(sorted.count - 1) {
            let left: Double = sorted[index] - sorted[index - 1]
            let right: Double = sorted[index + 1] - sorted[index]
            sortedSigmas.append(max(left, right))
        }
        if sorted.count >= 4 {
            sortedSigmas[0] = sorted[2] - sorted[1]
            sortedSigmas[sortedSigmas.count - 1] = sorted[sorted.count - 2] - sorted[sorted.count - 3]
        }
        let minimum = 1.0 / min(100.0, 1.0 + Double(mus.count + 1))
        var sigmas = [Double](repeating: 0, count: mus.count)
        for (rank, index) in order.enumerated() { sigmas[index] = min(max(sortedSigmas[rank], minimum), 1) }
        return sigmas
    }

    /// `count` points drawn from the mixture.
    func sample(_ count: Int, generator: inout SeededGenerator) -> [[Double]] {
        (0..<count).map { _ in
            var u = generator.nextDouble()
            var component = weights.count - 1
            for (index, weight) in weights.enumerated() {
                if u < weight { component = index; break }
                u -= weight
            }
            return axes.map { axis in
                switch axis {
                case .numeric(let means, let sigmas):
                    return Self.truncatedNormal(mean: means[component], sigma: sigmas[component], generator: &generator)
                case .categorical(let probabilities):
                    var v = generator.nextDouble()
                    let row = probabilities[component]
                    for (choice, p) in row.enumerated() {
                        if v < p { return Double(choice) }
                        v -= p
                    }
                    return Double(row.count - 1)
                }
            }
        }
    }

    /// The mixture's log density at `point`.
    func logDensity(_ point: [Double]) -> Double {
        var terms = weights.map { Foundation.log($0) }
        for (axis, x) in zip(axes, point) {
            switch axis {
            case .numeric(let means, let sigmas):
                for component in terms.indices {
                    terms[component] += Self.truncatedNormalLogDensity(x, mean: means[component], sigma: sigmas[component])
                }
            case .categorical(let probabilities):
                let choice = Int(x)
                for component in terms.indices { terms[component] += Foundation.log(probabilities[component][choice]) }
            }
        }
        let top = terms.max() ?? -.infinity
        guard top.isFinite else { return top }
        return top + Foundation.log(terms.reduce(0) { $0 + exp($1 - top) })
    }

    /// A normal draw restricted to [0, 1] by rejection (the mean lies in [0, 1] and the width
    /// is at most 1, so at least a third of draws are kept).
    static func truncatedNormal(mean: Double, sigma: Double, generator: inout SeededGenerator) -> Double {
        for _ in 0..<1000 {
            let u1 = max(generator.nextDouble(), Double.leastNonzeroMagnitude)
            let u2 = generator.nextDouble()
            let z = (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            let x = mean + sigma * z
            if x >= 0, x <= 1 { return x }
        }
        return min(max(mean, 0), 1)
    }

    static func truncatedNormalLogDensity(_ x: Double, mean: Double, sigma: Double) -> Double {
        let z = (x - mean) / sigma
        let mass = normalCDF((1 - mean) / sigma) - normalCDF((0 - mean) / sigma)
        return -0.5 * z * z - Foundation.log(sigma * (2 * Double.pi).squareRoot()) - Foundation.log(max(mass, 1e-300))
    }

    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
