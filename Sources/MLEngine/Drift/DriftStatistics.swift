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
    /// of reference and current rows in bucket `i`.
    ///
    /// Buckets: every value holding at least `1/bins` of the reference's values (a point
    /// mass, such as the zeros of `capital-gain`) is a bucket of its own; the other
    /// values are cut at their own interior quantiles `1/k, …, (k−1)/k` with `k = bins −`
    /// the number of point masses (linear interpolation, duplicates removed), buckets
    /// closed on the right: `(−∞, c₁], (c₁, c₂], …, (c_k, +∞)`. Missing (`nan`) values
    /// form one more bucket when either side has any, so a burst of missing values
    /// moves the index. Shares are of all rows and floored at ``proportionFloor`` (not
    /// renormalized). `bins` is clamped to `1...1000`. Returns `nan` when either side
    /// has no rows. Rule of thumb: < 0.1 stable, 0.1–0.2 moderate shift, ≥ 0.2 significant.
    public static func psi(reference: [Double], current: [Double], bins: Int = 10) -> Double {
        psi(reference: SortedSample(reference), current: SortedSample(current), bins: bins)
    }

    /// ``psi(reference:current:bins:)`` on samples sorted already.
    public static func psi(reference: SortedSample, current: SortedSample, bins: Int = 10) -> Double {
        guard !reference.values.isEmpty || reference.missing > 0, current.count > 0 else { return .nan }
        let buckets = PSIBuckets(reference: reference.values, bins: min(max(bins, 1), 1000))
        var referenceCounts = buckets.counts(reference.values)
        var currentCounts = buckets.counts(current.values)
        if reference.missing > 0 || current.missing > 0 {
            referenceCounts.append(reference.missing)
            currentCounts.append(current.missing)
        }
        return psi(referenceCounts, currentCounts)
    }

    /// Population Stability Index of categorical values, given as codes into each
    /// side's own category list (``CategoricalColumn`` layout).
    ///
    /// Buckets are aligned by category text: every reference category is a bucket,
    /// each category seen only in the current data forms its own bucket (so its
    /// reference share is floored at ``proportionFloor``), and missing codes form one
    /// more bucket when either side has any. Returns `nan` when either side has no rows.
    public static func psi(
        referenceCodes: [UInt32], referenceCategories: [String],
        currentCodes: [UInt32], currentCategories: [String]
    ) -> Double {
        let counts = AlignedCounts(
            referenceCodes: referenceCodes, referenceCategories: referenceCategories,
            currentCodes: currentCodes, currentCategories: currentCategories)
        return psi(counts)
    }

    /// PSI of aligned counts, with a bucket for missing values when either side has any.
    public static func psi(_ counts: AlignedCounts) -> Double {
        var reference = counts.reference
        var current = counts.current
        if counts.referenceMissing > 0 || counts.currentMissing > 0 {
            reference.append(counts.referenceMissing)
            current.append(counts.currentMissing)
        }
        return psi(reference, current)
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
}
