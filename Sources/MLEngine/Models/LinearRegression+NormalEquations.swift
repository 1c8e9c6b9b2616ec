extension LinearRegression {
    /// The centred least-squares problem in Gram form: `G = XcᵀXc`, `b = Xcᵀyc`, `yᵀy = ycᵀyc`
    /// with `Xc`, `yc` the columns and targets minus their means.
    struct NormalEquations {
        let size: Int
        let rowCount: Int
        /// `size × size`, symmetric, row-major.
        var gram: [Double]
        var correlations: [Double]
        var targetSquares: Double
        var columnMeans: [Double]
        var targetMean: Double

        init(_ x: FeatureMatrix, targets: [Double]) {
            let size = x.columns
            let rows = x.rows
            var means = [Double](repeating: 0, count: size)
            var targetMean = 0.0
            for row in 0..<rows {
                for j in 0..<size { means[j] += x.values[row * size + j] }
                targetMean += targets[row]
            }
            for j in 0..<size { means[j] /= Double(rows) }
            targetMean /= Double(rows)
            var gram = [Double](repeating: 0, count: size * size)
            var correlations = [Double](repeating: 0, count: size)
            var targetSquares = 0.0
            var centred = [Double](repeating: 0, count: size)
            x.values.withUnsafeBufferPointer { values in
                gram.withUnsafeMutableBufferPointer { g in
                    for row in 0..<rows {
                        let y = targets[row] - targetMean
                        targetSquares += y * y
                        for j in 0..<size {
                            centred[j] = values[row * size + j] - means[j]
                            correlations[j] += centred[j] * y
                        }
                        for a in 0..<size where centred[a] != 0 {
                            let scaled = centred[a]
                            for b in a..<size { g[a * size + b] += scaled * centred[b] }
                        }
                    }
                    for a in 0..<size {
                        for b in 0..<a { g[a * size + b] = g[b * size + a] }
                    }
                }
            }
            self.size = size
            self.rowCount = rows
            self.gram = gram
            self.correlations = correlations
            self.targetSquares = targetSquares
            self.columnMeans = means
            self.targetMean = targetMean
        }

        /// The weights solving `(G + ridge·I) w = b`, and a warning when `G + ridge·I` was
        /// singular and a tiny ridge had to be added.
        func solve(ridge: Double) -> (weights: [Double], warning: String?) {
            guard size > 0 else { return ([], nil) }
            var matrix = gram
            for j in 0..<size { matrix[j * size + j] += ridge }
            if let weights = Cholesky.solve(matrix, size: size, rightHandSide: correlations, pivotFloor: 1e-12) { return (weights, nil) }
            let largest = (0..<size).reduce(0.0) { max($0, gram[$1 * size + $1]) }
            var jitter = 1e-10 * max(largest, 1e-300)
            for _ in 0..<6 {
                var regularised = matrix
                for j in 0..<size { regularised[j * size + j] += jitter }
                if let weights = Cholesky.solve(regularised, size: size, rightHandSide: correlations, pivotFloor: 1e-12) {
                    return (weights, "the features are collinear (or a column is constant), so least squares has no unique "
                        + "solution; a tiny ridge of \(jitter) was added. Drop redundant columns or use penalty \"l2\"")
                }
                jitter *= 100
            }
            return ([Double](repeating: 0, count: size), "the normal equations could not be solved; all weights are 0")
        }

        /// Cyclic coordinate descent for `0.5‖yc − Xc w‖² + n·alpha‖w‖₁` (scikit-learn's
        /// `Lasso` objective times `n`), with scikit-learn's stopping rule.
        func lasso(alpha: Double, maxIterations: Int, tolerance: Double) -> (weights: [Double], converged: Bool, sweeps: Int) {
            let threshold = alpha * Double(rowCount)
            var weights = [Double](repeating: 0, count: size)
            var product = [Double](repeating: 0, count: size)  // G w
            let gapTolerance = tolerance * targetSquares
            for sweep in 1...maxIterations {
                var largestWeight = 0.0
                var largestChange = 0.0
                for j in 0..<size {
                    let diagonal = gram[j * size + j]
                    guard diagonal > 0 else { continue }
                    let old = weights[j]
                    let rho = correlations[j] - product[j] + diagonal * old
                    let shrunk = max(abs(rho) - threshold, 0)
                    let new = (rho < 0 ? -shrunk : shrunk) / diagonal
                    if new != old {
                        let delta = new - old
                        for k in 0..<size { product[k] += delta * gram[k * size + j] }
                        weights[j] = new
                        largestChange = max(largestChange, abs(delta))
                    }
                    largestWeight = max(largestWeight, abs(new))
                }
                if largestWeight == 0 || largestChange / largestWeight < tolerance || sweep == maxIterations {
                    if dualityGap(weights, product: product, threshold: threshold) < gapTolerance || targetSquares == 0 {
                        return (weights, true, sweep)
                    }
                }
            }
            return (weights, false, maxIterations)
        }

        /// The duality gap of the lasso problem at `weights` (`product` = `G w`).
        func dualityGap(_ weights: [Double], product: [Double], threshold: Double) -> Double {
            var weightDotCorrelation = 0.0
            var weightDotProduct = 0.0
            var dualNorm = 0.0
            var l1Norm = 0.0
            for j in 0..<size {
                weightDotCorrelation += weights[j] * correlations[j]
                weightDotProduct += weights[j] * product[j]
                dualNorm = max(dualNorm, abs(correlations[j] - product[j]))
                l1Norm += abs(weights[j])
            }
            let residualSquares = max(targetSquares - 2 * weightDotCorrelation + weightDotProduct, 0)
            let residualDotTarget = targetSquares - weightDotCorrelation
            var gap: Double
            let scale: Double
            if dualNorm > threshold {
                scale = threshold / dualNorm
                gap = 0.5 * (residualSquares + residualSquares * scale * scale)
            } else {
                scale = 1
                gap = residualSquares
            }
            gap += threshold * l1Norm - scale * residualDotTarget
            return gap
        }
    }
}
