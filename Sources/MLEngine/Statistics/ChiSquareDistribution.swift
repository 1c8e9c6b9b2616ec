#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The chi-square distribution's upper tail, through the regularized upper incomplete
/// gamma function `Q(a, x)`.
enum ChiSquareDistribution {
    /// `P(X ≥ statistic)` for `X ~ χ²(degreesOfFreedom)`; 1 for a statistic ≤ 0, `nan`
    /// for no degrees of freedom.
    static func survival(_ statistic: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom > 0, !statistic.isNaN else { return .nan }
        guard statistic > 0 else { return 1 }
        return upperRegularizedGamma(Double(degreesOfFreedom) / 2, statistic / 2)
    }

    /// `Q(a, x) = Γ(a, x) / Γ(a)`: a power series for `x < a + 1` (as `1 − P`), otherwise
    /// a continued fraction evaluated by the modified Lentz method, which keeps tiny
    /// upper tails accurate.
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        let epsilon = 1e-16
        let logPrefactor = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * epsilon { break }
            }
            return max(0, 1 - sum * exp(logPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for step in 1..<10_000 {
            let i = Double(step)
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return min(1, exp(logPrefactor) * h)
    }
}
