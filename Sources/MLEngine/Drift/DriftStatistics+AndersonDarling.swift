import Foundation

extension DriftStatistics {
    /// The two-sample Anderson–Darling test as SciPy's `anderson_ksamp([reference, current])`
    /// computes it (Scholz & Stephens 1987, the midrank statistic for ties, scipy's default):
    /// the standardised statistic `(A²akN − (k − 1)) / σ` and its p-value, interpolated from
    /// the published critical values by a quadratic in log p and so capped to [0.001, 0.25]
    /// as scipy's is. More sensitive than K–S to differences in the tails. Both results are
    /// `nan` when a side has no values or all values are equal.
    public static func andersonDarling(reference: SortedSample, current: SortedSample) -> (statistic: Double, pValue: Double) {
        let samples = [reference.values, current.values]
        let sizes = samples.map { Double($0.count) }
        let total = samples[0].count + samples[1].count
        guard sizes.allSatisfy({ $0 > 0 }), total >= 4 else { return (.nan, .nan) }
        let n = Double(total)
        // Walk the pooled distinct values z_j in order: l_j ties in the pool, B_j = (pooled < z_j) + l_j / 2,
        // and per sample M_ij = (sample ≤ z_j) − f_ij / 2.
        var positions = [0, 0]
        var pooledBelow = 0.0
        var sums = [0.0, 0.0]
        var distinct = 0
        while positions[0] < samples[0].count || positions[1] < samples[1].count {
            var value = Double.infinity
            for s in 0..<2 where positions[s] < samples[s].count { value = min(value, samples[s][positions[s]]) }
            var ties = [0, 0]
            for s in 0..<2 {
                while positions[s] < samples[s].count, samples[s][positions[s]] == value {
                    positions[s] += 1
                    ties[s] += 1
                }
            }
            distinct += 1
            let l = Double(ties[0] + ties[1])
            let b = pooledBelow + l / 2
            let denominator = b * (n - b) - n * l / 4
            for s in 0..<2 {
                let m = Double(positions[s]) - Double(ties[s]) / 2
                let difference = n * m - b * sizes[s]
                if denominator != 0 { sums[s] += l / n * difference * difference / denominator }
            }
            pooledBelow += l
        }
        guard distinct >= 2 else { return (.nan, .nan) }
        let a2kN = (sums[0] / sizes[0] + sums[1] / sizes[1]) * (n - 1) / n
        let k = 2.0
        let harmonic = sizes.reduce(0) { $0 + 1 / $1 }
        // h = Σ_{i<N} 1/i and g = Σ_{i<j<N} 1/((N − i) j), accumulated as scipy's cumsum does.
        var cumulative = 0.0
        var g = 0.0
        var divisor = 2.0
        for i in stride(from: total - 1, to: 1, by: -1) {
            cumulative += 1 / Double(i)
            g += cumulative / divisor
            divisor += 1
        }
        let h = cumulative + 1
        let a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * harmonic
        let bTerm = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * harmonic - 8 * h + 4 * g - 6
        let c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * harmonic + 4 * h
        let d = (2 * h + 6) * k * k - 4 * h * k
        let variance = (a * n * n * n + bTerm * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3))
        let statistic = (a2kN - (k - 1)) / variance.squareRoot()
        return (statistic, andersonDarlingPValue(statistic))
    }

    /// scipy's interpolation for two samples: critical values `b₀ + b₁ + b₂` at the
    /// significance levels 0.25 … 0.001, a least-squares quadratic through (critical, log p),
    /// and the levels' ends outside their range.
    static func andersonDarlingPValue(_ statistic: Double) -> Double {
        let b0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085]
        let b1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615]
        let b2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154]
        let levels = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001]
        let critical = (0..<7).map { b0[$0] + b1[$0] + b2[$0] }
        guard !statistic.isNaN else { return .nan }
        if statistic < critical[0] { return levels[0] }
        if statistic > critical[6] { return levels[6] }
        // Normal equations of the quadratic fit, solved by Cramer's rule.
        var s = [Double](repeating: 0, count: 5)
        var t = [0.0, 0.0, 0.0]
        for (x, level) in zip(critical, levels) {
            var power = 1.0
            for index in 0..<5 {
                s[index] += power
                if index < 3 { t[index] += power * Foundation.log(level) }
                power *= x
            }
        }
        let matrix = [[s[4], s[3], s[2]], [s[3], s[2], s[1]], [s[2], s[1], s[0]]]
        let right = [t[2], t[1], t[0]]
        func determinant(_ m: [[Double]]) -> Double {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        let whole = determinant(matrix)
        var coefficients = [0.0, 0.0, 0.0]
        for column in 0..<3 {
            var replaced = matrix
            for row in 0..<3 { replaced[row][column] = right[row] }
            coefficients[column] = determinant(replaced) / whole
        }
        return exp((coefficients[0] * statistic + coefficients[1]) * statistic + coefficients[2])
    }
}
