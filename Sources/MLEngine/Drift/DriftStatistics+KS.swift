extension DriftStatistics {
    /// Both samples at most this long get the exact p-value (scipy's `MAX_AUTO_N`).
    public static let exactKSLimit = 10_000

    /// Two-sample Kolmogorov–Smirnov test: the largest distance between the two
    /// empirical CDFs and its two-sided p-value, as SciPy's `ks_2samp(reference, current)`
    /// computes them with its default `method="auto"`: exact (``KolmogorovExact``) when
    /// both samples have at most ``exactKSLimit`` values, otherwise the distribution of
    /// `D_n` for `n = round(n₁n₂ / (n₁ + n₂))` (see ``KolmogorovDistribution``); an exact
    /// computation that fails numerically falls back to the asymptotic one, as scipy's
    /// does. `nan` values are ignored; both results are `nan` when either side has no values.
    public static func ks(reference: [Double], current: [Double]) -> (statistic: Double, pValue: Double) {
        ks(reference: SortedSample(reference), current: SortedSample(current))
    }

    /// ``ks(reference:current:)`` on sorted samples.
    public static func ks(reference: SortedSample, current: SortedSample) -> (statistic: Double, pValue: Double) {
        let first = reference.values
        let second = current.values
        guard !first.isEmpty, !second.isEmpty else { return (.nan, .nan) }
        let firstCount = Double(first.count)
        let secondCount = Double(second.count)
        var statistic = 0.0
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            let value = min(first[i], second[j])
            while i < first.count && first[i] <= value { i += 1 }
            while j < second.count && second[j] <= value { j += 1 }
            statistic = max(statistic, abs(Double(i) / firstCount - Double(j) / secondCount))
        }
        if max(first.count, second.count) <= exactKSLimit,
            let exact = KolmogorovExact.twoSided(first.count, second.count, statistic: statistic)
        {
            return (exact.statistic, exact.pValue)
        }
        let larger = max(firstCount, secondCount)
        let smaller = min(firstCount, secondCount)
        let effective = (larger * smaller / (larger + smaller)).rounded(.toNearestOrEven)
        let pValue = KolmogorovDistribution.survival(n: Int(effective), x: statistic)
        return (statistic, min(max(pValue, 0), 1))
    }
}
