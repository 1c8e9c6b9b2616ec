extension DriftStatistics {
    /// The smallest standard deviation ``wassersteinNormed(reference:current:)`` divides by
    /// (Evidently's 0.001, so a constant reference does not divide by zero).
    public static let wassersteinMinimumScale = 0.001

    /// The Wasserstein-1 (earth mover's) distance between two samples,
    /// `∫ |F_ref(x) − F_cur(x)| dx` over their empirical CDFs (scipy's
    /// `wasserstein_distance`); `nan` when either side has no values.
    public static func wasserstein(reference: SortedSample, current: SortedSample) -> Double {
        let first = reference.values
        let second = current.values
        guard !first.isEmpty, !second.isEmpty else { return .nan }
        let firstCount = Double(first.count)
        let secondCount = Double(second.count)
        var total = CompensatedSum()
        var i = 0
        var j = 0
        var previous = min(first[0], second[0])
        while i < first.count || j < second.count {
            let value: Double
            if j >= second.count || (i < first.count && first[i] <= second[j]) { value = first[i] } else { value = second[j] }
            // Between the previous breakpoint and this one both CDFs are flat.
            total.add(abs(Double(i) / firstCount - Double(j) / secondCount) * (value - previous))
            while i < first.count && first[i] == value { i += 1 }
            while j < second.count && second[j] == value { j += 1 }
            previous = value
        }
        return total.value
    }

    /// ``wasserstein(reference:current:)`` divided by the reference's population standard
    /// deviation, at least ``wassersteinMinimumScale`` (Evidently's `wasserstein` test).
    public static func wassersteinNormed(reference: SortedSample, current: SortedSample) -> Double {
        wasserstein(reference: reference, current: current) / max(reference.standardDeviation, wassersteinMinimumScale)
    }
}
