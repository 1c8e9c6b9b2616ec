/// Solving symmetric positive definite systems, as the Newton and normal-equation solvers need.
enum Cholesky {
    /// Solves `(A + jitter·I) x = b` for a symmetric positive definite `A` (row-major,
    /// `size × size`) by a Cholesky factorisation, or returns `nil` when it is not positive
    /// definite: a pivot at or below `pivotFloor` times its diagonal entry, or a solution that is
    /// not finite.
    static func solve(
        _ matrix: [Double], size: Int, rightHandSide: [Double], jitter: Double = 0, pivotFloor: Double = 0
    ) -> [Double]? {
        var lower = [Double](repeating: 0, count: size * size)
        for j in 0..<size {
            let original = matrix[j * size + j] + jitter
            var diagonal = original
            for k in 0..<j { diagonal -= lower[j * size + k] * lower[j * size + k] }
            guard diagonal > pivotFloor * original, diagonal > 0, diagonal.isFinite else { return nil }
            let pivot = diagonal.squareRoot()
            lower[j * size + j] = pivot
            for i in (j + 1)..<size {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= lower[i * size + k] * lower[j * size + k] }
                lower[i * size + j] = sum / pivot
            }
        }
        var y = rightHandSide
        for i in 0..<size {
            for k in 0..<i { y[i] -= lower[i * size + k] * y[k] }
            y[i] /= lower[i * size + i]
        }
        for i in stride(from: size - 1, through: 0, by: -1) {
            for k in (i + 1)..<size { y[i] -= lower[k * size + i] * y[k] }
            y[i] /= lower[i * size + i]
        }
        return y.allSatisfy(\.isFinite) ? y : nil
    }
}
