#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DriftStatistics {
    /// Chi-square test of independence on the 2 × k table of `counts` (reference and
    /// current rows, one column per value either side has; missing values left out), as
    /// scipy's `chi2_contingency(table, correction=False)`: `χ² = Σ (O − E)² / E` with
    /// `E` from the margins, `k − 1` degrees of freedom, and Cramér's V = `√(χ² / N)`
    /// as the effect size. A single value gives `χ² = 0`, p = 1; an empty side gives `nan`.
    public static func chiSquare(_ counts: AlignedCounts) -> (statistic: Double, pValue: Double, cramersV: Double) {
        let referenceTotal = Double(counts.referenceTotal)
        let currentTotal = Double(counts.currentTotal)
        guard referenceTotal > 0, currentTotal > 0 else { return (.nan, .nan, .nan) }
        let total = referenceTotal + currentTotal
        var statistic = 0.0
        var columns = 0
        for (r, c) in zip(counts.reference, counts.current) where r + c > 0 {
            columns += 1
            let columnTotal = Double(r + c)
            let expectedReference = referenceTotal * columnTotal / total
            let expectedCurrent = currentTotal * columnTotal / total
            statistic += (Double(r) - expectedReference) * (Double(r) - expectedReference) / expectedReference
            statistic += (Double(c) - expectedCurrent) * (Double(c) - expectedCurrent) / expectedCurrent
        }
        guard columns > 1 else { return (0, 1, 0) }
        let pValue = ChiSquareDistribution.survival(statistic, degreesOfFreedom: columns - 1)
        return (statistic, pValue, (statistic / total).squareRoot())
    }

    /// Jensen–Shannon distance of two count vectors over the same buckets:
    /// `√((KL(p‖m) + KL(q‖m)) / 2)` with `m = (p + q) / 2`, natural logarithm (scipy's
    /// `distance.jensenshannon`); between 0 and `√ln 2`. `nan` when either side is empty.
    public static func jensenShannon(_ reference: [Int], _ current: [Int]) -> Double {
        let referenceTotal = Double(reference.reduce(0, +))
        let currentTotal = Double(current.reduce(0, +))
        guard referenceTotal > 0, currentTotal > 0 else { return .nan }
        var divergence = 0.0
        for (r, c) in zip(reference, current) {
            let p = Double(r) / referenceTotal
            let q = Double(c) / currentTotal
            let m = (p + q) / 2
            if p > 0 { divergence += p * log(p / m) }
            if q > 0 { divergence += q * log(q / m) }
        }
        return (max(divergence, 0) / 2).squareRoot()
    }

    /// Jensen–Shannon distance of two numeric samples as Evidently bins them: with more
    /// than 20 distinct reference values, numpy's `histogram` on Sturges' edges over both
    /// samples (`⌈log₂ N + 1⌉` equal bins from the smallest to the largest value); with
    /// fewer, one bucket per distinct value.
    public static func jensenShannon(reference: SortedSample, current: SortedSample) -> Double {
        if reference.distinctCount(with: SortedSample([]), limit: 20) > 20 {
            let (r, c) = sturgesHistograms(reference: reference.values, current: current.values)
            return jensenShannon(r, c)
        }
        let counts = AlignedCounts(reference: reference, current: current)
        return jensenShannon(counts.reference, counts.current)
    }

    /// Two-proportion z-test of "not the reference's most common value" (Evidently's
    /// `z` test): `z = (p_ref − p_cur) / √(P(1 − P)(1/n_ref + 1/n_cur))` with the pooled
    /// share `P`, two-sided p-value, and Cohen's h = `2 asin √p_cur − 2 asin √p_ref` as the
    /// effect size. One and the same value on both sides gives z = 0, p = 1.
    public static func zTest(_ counts: AlignedCounts) -> (statistic: Double, pValue: Double, cohensH: Double) {
        let n1 = counts.referenceTotal
        let n2 = counts.currentTotal
        guard n1 > 0, n2 > 0 else { return (.nan, .nan, .nan) }
        var popular = 0
        for index in counts.reference.indices where counts.reference[index] > counts.reference[popular] { popular = index }
        let p1 = Double(n1 - counts.reference[popular]) / Double(n1)
        let p2 = Double(n2 - counts.current[popular]) / Double(n2)
        let pooled = (p1 * Double(n1) + p2 * Double(n2)) / Double(n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))
        let h = 2 * asin(p2.squareRoot()) - 2 * asin(p1.squareRoot())
        guard variance > 0 else { return (0, 1, h) }
        let z = (p1 - p2) / variance.squareRoot()
        return (z, min(1, erfc(abs(z) / 2.0.squareRoot())), h)
    }

    /// Counts of both samples in numpy's Sturges bins over their union: edges
    /// `linspace(min, max, k + 1)` with `k = ⌈ptp / (ptp / (log₂ N + 1))⌉`, bins closed on
    /// the left except the last, which holds its right edge.
    static func sturgesHistograms(reference: [Double], current: [Double]) -> ([Int], [Int]) {
        guard let low = [reference.first, current.first].compactMap({ $0 }).min(),
            let high = [reference.last, current.last].compactMap({ $0 }).max()
        else { return ([], []) }
        var first = low
        var last = high
        if first == last {
            first -= 0.5
            last += 0.5
        }
        let range = high - low
        var binCount = 1
        if range > 0 {
            let width = range / (log2(Double(reference.count + current.count)) + 1)
            binCount = max(Int((range / width).rounded(.up)), 1)
        }
        let step = (last - first) / Double(binCount)
        var edges = (0...binCount).map { Double($0) * step + first }
        edges[binCount] = last
        func histogram(_ sorted: [Double]) -> [Int] {
            var counts = [Int](repeating: 0, count: binCount)
            for value in sorted {
                // The last edge at or below the value; the top edge belongs to the last bin.
                var lowIndex = 0
                var highIndex = edges.count
                while lowIndex < highIndex {
                    let middle = (lowIndex + highIndex) / 2
                    if edges[middle] <= value { lowIndex = middle + 1 } else { highIndex = middle }
                }
                let bin = min(max(lowIndex - 1, 0), binCount - 1)
                counts[bin] += 1
            }
            return counts
        }
        return (histogram(reference), histogram(current))
    }
}
