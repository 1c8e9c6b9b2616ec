#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic `D_n`
/// for finite `n`, computed with the method selection of Simard & L'Ecuyer (2011,
/// "Computing the Two-Sided Kolmogorov–Smirnov Distribution", J. Stat. Softw. 39(11)):
/// Ruben–Gambino closed forms at the extremes, the Durbin matrix (Marsaglia, Tsang &
/// Wang 2003) for small `n·x²`, the Pelz–Good asymptotic series for large `n` and
/// small `x`, and twice the exact one-sided Smirnov tail (Birnbaum–Tingey) for the
/// upper tail. This is the distribution SciPy calls `kstwo`.
enum KolmogorovDistribution {
    /// `P(D_n >= x)`.
    static func survival(n: Int, x: Double) -> Double {
        guard n > 0, !x.isNaN else { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let size = Double(n)
        let t = size * x
        if t <= 1 {
            if t <= 0.5 { return 1 }
            let cdf: Double
            if n <= 140 {
                var product = 1.0
                for index in 1...n { product *= Double(index) * (1.0 / size) * (2 * t - 1) }
                cdf = product
            } else {
                cdf = exp(logFactorialOverPower(size) + size * log(2 * t - 1))
            }
            return clip(1 - cdf)
        }
        if t >= size - 1 { return clip(2 * pow(1 - x, size)) }
        if x >= 0.5 { return clip(2 * smirnovSurvival(n: n, x: x)) }
        let nxSquared = t * x
        if n <= 140 {
            // Simard & L'Ecuyer use Pomeranz's recursion for 0.754693 < n·x² <= 4;
            // the Durbin matrix is exact there as well.
            if nxSquared <= 4 { return clip(1 - durbinCDF(n: n, d: x)) }
            return clip(2 * smirnovSurvival(n: n, x: x))
        }
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 { return clip(2 * smirnovSurvival(n: n, x: x)) }
        let cdf = n <= 100_000 && size * pow(x, 1.5) <= 1.4 ? durbinCDF(n: n, d: x) : pelzGoodCDF(n: n, x: x)
        return clip(1 - cdf)
    }

    /// `log(n! / n^n)` by Stirling's series (no cancellation for large `n`).
    static func logFactorialOverPower(_ n: Double) -> Double {
        let coefficients: [Double] = [
            1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0, 1.0 / 1188.0, -691.0 / 360_360.0, 1.0 / 156.0,
            -3617.0 / 122_400.0,
        ]
        let inverse = 1 / n
        let inverseSquared = inverse * inverse
        var series = 0.0
        for coefficient in coefficients.reversed() { series = series * inverseSquared + coefficient }
        return log(n) / 2 - n + log(2 * Double.pi) / 2 + inverse * series
    }

    /// The one-sided tail `P(D_n+ >= x)` by the exact Birnbaum–Tingey sum
    /// `x Σ_{j=0}^{⌊n(1-x)⌋} C(n,j) (1-x-j/n)^(n-j) (x+j/n)^(j-1)`, with terms in log
    /// space; for `n > 10^6` the approximation `exp(-(6nx+1)² / 18n)`.
    static func smirnovSurvival(n: Int, x: Double) -> Double {
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        if n == 1 { return 1 - x }
        let size = Double(n)
        if -2 * size * x * x < -708.396_418_532_264_1 { return 0 }
        let nx = size * x
        if nx.rounded(.down) >= size - 1 { return pow(1 - x, size) }
        if n > 1_000_000 {
            return exp(-pow(6 * nx + 1, 2) / 18 / size)
        }
        let lastTerm = n - Int(nx.rounded(.down)) - 1
        guard lastTerm >= 0 else { return 0 }
        let logSize = log(size)
        var logBinomial = 0.0
        var sum = 0.0
        var previous = 0.0
        for j in 0...lastTerm {
            let remaining = Double(n - j) - nx
            guard remaining > 0 else { break }
            let logTerm = logBinomial + Double(n - j) * (log(remaining) - logSize)
                + Double(j - 1) * (log(nx + Double(j)) - logSize)
            let term = exp(logTerm)
            sum += term
            if j > 0 && term < previous && term < sum * 1e-18 { break }
            previous = term
            logBinomial += log(Double(n - j)) - log(Double(j + 1))
        }
        return min(max(x * sum, 0), 1)
    }

    /// `P(D_n <= d)` by the Durbin matrix method as formulated by Marsaglia, Tsang &
    /// Wang: with `k = ⌈nd⌉`, `h = k - nd`, the `k`-th diagonal entry of `H^n` times `n!/n^n`.
    static func durbinCDF(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var inverseFactorial = [Double](repeating: 1, count: m + 2)
        for index in 1..<(m + 2) { inverseFactorial[index] = inverseFactorial[index - 1] / Double(index) }
        var matrix = SquareMatrix(size: m)
        for row in 0..<m {
            for column in 0..<m where row - column + 1 >= 0 {
                matrix[row, column] = inverseFactorial[row - column + 1]
            }
        }
        for row in 0..<m { matrix[row, 0] = (1 - pow(h, Double(row + 1))) * inverseFactorial[row + 1] }
        for column in 0..<m { matrix[m - 1, column] = (1 - pow(h, Double(m - column))) * inverseFactorial[m - column] }
        matrix[m - 1, 0] = (1 - 2 * pow(h, Double(m)) + pow(max(2 * h - 1, 0), Double(m))) * inverseFactorial[m]

        let (power, exponent) = matrix.scaledPower(n, watch: k - 1)
        var probability = power[k - 1, k - 1]
        var scale = exponent
        for index in 1...n {
            probability = Double(index) * probability / Double(n)
            if abs(probability) < 0x1p-128 {
                probability *= 0x1p128
                scale -= 128
            }
        }
        return min(max(scalbn(probability, Int32(scale)), 0), 1)
    }

    /// `P(D_n <= x)` by the Pelz–Good expansion of Li-Chien and Korolyuk's series
    /// (four terms, in powers of `1/√n`), for large `n`.
    static func pelzGoodCDF(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let z = Double(n).squareRoot() * x
        let z2 = z * z
        let z3 = z2 * z
        let z4 = z2 * z2
        let z6 = z4 * z2
        let logQ = -pi2 / 8 / z2
        if logQ < -708 { return 0 }
        let q = exp(logQ)
        let k1a: Double = -z2
        let k1b: Double = pi2 / 4
        let k2a: Double = 6 * z6 + 2 * z4
        let k2b: Double = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c: Double = pi4 * (1 - 2 * z2) / 16
        let k3d: Double = pi6 * (5 - 30 * z2) / 64
        let k3c: Double = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b: Double = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a: Double = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        for k in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * k - 1)
            let m2: Double = m * m
            let m4: Double = m2 * m2
            let m6: Double = m4 * m2
            let qPower = pow(q, Double(8 * k))
            let c1: Double = k1a + k1b * m2
            let c2: Double = k2a + k2b * m2 + k2c * m4
            let c3: Double = k3a + k3b * m2 + k3c * m4 + k3d * m6
            let coefficients: [Double] = [1.0, c1, c2, c3]
            for index in 0..<4 { terms[index] = terms[index] * qPower + coefficients[index] }
        }
        let root2Pi = (2 * Double.pi).squareRoot()
        let divisors: [Double] = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for index in 0..<4 { terms[index] = terms[index] * q * root2Pi / divisors[index] }
        let q2 = exp(-pi2 / 2 / z2)
        let root3z = 3.0.squareRoot() * z
        var extra2 = 0.0
        var extra3 = 0.0
        for k in stride(from: maxK, through: 1, by: -1) {
            let kk = Double(k * k)
            let weight = kk * pow(q2, kk)
            let kPi = Double.pi * Double(k)
            extra2 += weight
            extra3 += (root3z + kPi) * (root3z - kPi) * weight
        }
        terms[2] += extra2 * pi2 * root2Pi / (-36 * z3)
        terms[3] += extra3 * pi2 * root2Pi / (216 * z6)
        var total = 0.0
        for index in 0..<4 { total += terms[index] / pow(Double(n), Double(index) / 2) }
        return total
    }

    private static func clip(_ probability: Double) -> Double {
        min(max(probability, 0), 1)
    }
}
