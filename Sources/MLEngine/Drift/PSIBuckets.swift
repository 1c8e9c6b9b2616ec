/// The buckets of ``DriftStatistics/psi(reference:current:bins:)``: reference-quantile
/// cuts, plus a bucket per point mass of the reference.
struct PSIBuckets {
    /// Interior cut points of the values that are not point masses, ascending.
    private(set) var cuts: [Double] = []
    /// Values holding at least `1/bins` of the reference, ascending.
    private(set) var masses: [Double] = []

    init(reference sorted: [Double], bins: Int) {
        var rest = [Double]()
        rest.reserveCapacity(sorted.count)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            if (end - start) * bins >= sorted.count {
                masses.append(sorted[start])
            } else {
                rest.append(contentsOf: sorted[start..<end])
            }
            start = end
        }
        let bucketCount = max(bins - masses.count, 1)
        guard bucketCount > 1 else { return }
        for index in 1..<bucketCount {
            guard let cut = Quantiles.linear(rest, Double(index) / Double(bucketCount)) else { continue }
            if cuts.last.map({ cut > $0 }) ?? true { cuts.append(cut) }
        }
    }

    /// The number of buckets: the quantile buckets, then one per point mass.
    var count: Int { cuts.count + 1 + masses.count }

    /// How many of `values` (ascending, no `nan`) fall in each bucket: one walk beside the
    /// cuts and the point masses, no search per value.
    func counts(_ values: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        var cut = 0
        var mass = 0
        let massBase = cuts.count + 1
        for value in values {
            while mass < masses.count && masses[mass] < value { mass += 1 }
            if mass < masses.count && masses[mass] == value {
                counts[massBase + mass] += 1
                continue
            }
            while cut < cuts.count && cuts[cut] < value { cut += 1 }
            counts[cut] += 1
        }
        return counts
    }
}
