#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Distances between a reference sample and a current sample of one feature.
public enum DriftStatistics {
    /// The floor applied to every bucket proportion before taking logarithms, so an
    /// empty bucket on either side adds a large but finite amount (Evidently's choice).
    public static let proportionFloor = 1e-4

    /// Population Stability Index of numeric values:
    /// `Σ (c_i − r_i) · ln(c_i / r_i)` over buckets, `r_i` and `c_i` being the shares
    /// of reference and current values in bucket `i`.
    ///
    /// Buckets are cut at the reference's interior quantiles `1/bins, …, (bins−1)/bins`
    /// (linear interpolation, duplicates removed, so discrete features get fewer
    /// buckets) and are closed on the right: `(−∞, c₁], (c₁, c₂], …, (c_k, +∞)`.
    /// `nan` values are ignored; shares are floored at ``proportionFloor`` (not
    /// renormalized). `bins` is clamped to `1...1000`. Returns `nan` when either side
    /// has no values.
    /// Rule of thumb: < 0.1 stable, 0.1–0.2 moderate shift, ≥ 0.2 significant shift.
    public static func psi(reference: [Double], current: [Double], bins: Int = 10) -> Double {
        let sortedReference = reference.filter { !$0.isNaN }.sorted()
        let currentValues = current.filter { !$0.isNaN }
        guard !sortedReference.isEmpty, !currentValues.isEmpty else { return .nan }
        var cuts = [Double]()
        let bucketCount = min(max(bins, 1), 1000)
        if bucketCount > 1 {
            for index in 1..<bucketCount {
                guard let cut = Quantiles.linear(sortedReference, Double(index) / Double(bucketCount)) else { continue }
                if cuts.last.map({ cut > $0 }) ?? true { cuts.append(cut) }
            }
        }
        let referenceCounts = bucketCounts(sortedReference, cuts: cuts)
        let currentCounts = bucketCounts(currentValues, cuts: cuts)
        return psi(referenceCounts, currentCounts)
    }

    /// Population Stability Index of categorical values, given as codes into each
    /// side's own category list (``CategoricalColumn`` layout).
    ///
    /// Buckets are aligned by category text: every reference category is a bucket,
    /// and each category seen only in the current data forms its own bucket (so its
    /// reference share is floored at ``proportionFloor``). Missing codes are ignored;
    /// returns `nan` when either side has no values.
    public static func psi(
        referenceCodes: [UInt32], referenceCategories: [String],
        currentCodes: [UInt32], currentCategories: [String]
    ) -> Double {
        var bucketOf = [String: Int]()
        for category in referenceCategories where bucketOf[category] == nil {
            bucketOf[category] = bucketOf.count
        }
        let referenceBuckets = referenceCategories.map { bucketOf[$0] ?? 0 }
        let currentBuckets = currentCategories.map { category -> Int in
            if let bucket = bucketOf[category] { return bucket }
            bucketOf[category] = bucketOf.count
            return bucketOf.count - 1
        }
        var referenceCounts = [Int](repeating: 0, count: bucketOf.count)
        var currentCounts = [Int](repeating: 0, count: bucketOf.count)
        for code in referenceCodes where Int(code) < referenceBuckets.count {
            referenceCounts[referenceBuckets[Int(code)]] += 1
        }
        for code in currentCodes where Int(code) < currentBuckets.count {
            currentCounts[currentBuckets[Int(code)]] += 1
        }
        return psi(referenceCounts, currentCounts)
    }

    /// PSI of two count vectors over the same buckets; `nan` if either is all zero.
    static func psi(_ referenceCounts: [Int], _ currentCounts: [Int]) -> Double {
        let referenceTotal = Double(referenceCounts.reduce(0, +))
        let currentTotal = Double(currentCounts.reduce(0, +))
        guard referenceTotal > 0, currentTotal > 0 else { return .nan }
        var total = 0.0
        for (referenceCount, currentCount) in zip(referenceCounts, currentCounts) {
            let expected = max(Double(referenceCount) / referenceTotal, proportionFloor)
            let actual = max(Double(currentCount) / currentTotal, proportionFloor)
            total += (actual - expected) * log(actual / expected)
        }
        return total
    }

    private static func bucketCounts(_ values: [Double], cuts: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: cuts.count + 1)
        for value in values {
            var low = 0
            var high = cuts.count
            while low < high {
                let middle = (low + high) / 2
                if cuts[middle] < value { low = middle + 1 } else { high = middle }
            }
            counts[low] += 1
        }
        return counts
    }

    /// Two-sample Kolmogorov–Smirnov test: the largest distance between the two
    /// empirical CDFs and its two-sided p-value, as SciPy's
    /// `ks_2samp(reference, current, method="asymp")` computes them: the
    /// distribution of `D_n` for `n = round(n₁n₂ / (n₁ + n₂))` (see
    /// ``KolmogorovDistribution``). `nan` values are ignored; both results are
    /// `nan` when either side has no values.
    public static func ks(reference: [Double], current: [Double]) -> (statistic: Double, pValue: Double) {
        let first = reference.filter { !$0.isNaN }.sorted()
        let second = current.filter { !$0.isNaN }.sorted()
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
        let larger = max(firstCount, secondCount)
        let smaller = min(firstCount, secondCount)
        let effective = (larger * smaller / (larger + smaller)).rounded(.toNearestOrEven)
        let pValue = KolmogorovDistribution.survival(n: Int(effective), x: statistic)
        return (statistic, min(max(pValue, 0), 1))
    }
}
