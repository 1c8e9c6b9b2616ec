/// The exact null distribution of the two-sample Kolmogorov–Smirnov statistic, as scipy
/// computes it for `ks_2samp(method="exact")`: the share of monotone lattice paths from
/// `(0, 0)` to `(m, n)` that leave the band `|x/m − y/n| < h / lcm(m, n)`.
///
/// Equal sizes use the reflection formula `2 Σ (−1)^{k+1} C(2n, n−kh) / C(2n, n)`,
/// evaluated Horner-fashion; unequal sizes use Hodges' inside method with Viehmann's
/// recursion for `1 − p` (arXiv:2102.08037), one sliding column of the lattice at a time.
enum KolmogorovExact {
    /// The statistic rounded to the lattice (`h / lcm`) and its two-sided p-value; `nil`
    /// when the computation is not finite or leaves `[0, 1]` (callers then use the
    /// asymptotic distribution).
    static func twoSided(_ n1: Int, _ n2: Int, statistic d: Double) -> (statistic: Double, pValue: Double)? {
        guard n1 > 0, n2 > 0 else { return nil }
        let g = gcd(n1, n2)
        let lcm = Double((n1 / g) * n2)
        let h = Int((d * lcm).rounded(.toNearestOrEven))
        let rounded = Double(h) / lcm
        if h == 0 { return (rounded, 1) }
        let probability = n1 == n2 ? outsideSquare(n1, h) : outsideBand(n1, n2, g, h)
        guard probability.isFinite, probability >= 0, probability <= 1 else { return nil }
        return (rounded, probability)
    }

    /// `P(D_{n,n} ≥ h/n)`.
    static func outsideSquare(_ n: Int, _ h: Int) -> Double {
        var total = 0.0
        var k = n / h
        while k >= 0 {
            var term = 1.0
            for j in 0..<h {
                term = Double(n - k * h - j) * term / Double(n + k * h + j + 1)
            }
            total = term * (1 - total)
            k -= 1
        }
        return 2 * total
    }

    /// The share of paths from `(0, 0)` to `(m, n)` not staying strictly inside the band.
    static func outsideBand(_ first: Int, _ second: Int, _ g: Int, _ h: Int) -> Double {
        let m = max(first, second)
        let n = min(first, second)
        let mg = Double(m / g)
        let ng = Double(n / g)
        let height = Double(h)
        var lowest = 0
        var highest = min(Int((height / mg).rounded(.up)), n + 1)
        var width = highest - lowest
        var column = [Double](repeating: 1, count: min(2 * highest + 2, n + 1))
        for index in lowest..<highest { column[index] = 0 }
        for i in 1...m {
            let previousLowest = lowest
            let previousWidth = width
            lowest = min(max(Int(((ng * Double(i) - height) / mg).rounded(.down)) + 1, 0), n)
            highest = min(Int(((ng * Double(i) + height) / mg).rounded(.up)), n + 1)
            if highest <= lowest { return 1 }
            var value = lowest == 0 ? 0.0 : 1.0
            for offset in 0..<(highest - lowest) {
                let j = offset + lowest
                let carried = offset + lowest - previousLowest
                guard carried >= 0, carried < column.count, offset < column.count else { return .nan }
                value = (column[carried] * Double(i) + value * Double(j)) / Double(i + j)
                column[offset] = value
            }
            width = highest - lowest
            if previousWidth > width {
                for index in width..<min(previousWidth, column.count) { column[index] = 1 }
            }
        }
        let last = highest - lowest - 1
        return last >= 0 && last < column.count ? column[last] : .nan
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
