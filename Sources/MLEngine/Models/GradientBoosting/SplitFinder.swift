/// Finds the best split of a leaf from its gradient histogram: every numeric threshold with
/// missing values sent left and right, and LightGBM's sorted-category prefixes for
/// categorical columns.
struct SplitFinder: Sendable {
    /// The fewest rows a category needs to take part in a categorical split (scikit-learn's `MIN_CAT_SUPPORT`).
    static let categorySupport = 10.0
    /// The hessian smoothing in the category sort key `G / (H + smoothing)`.
    static let categorySmoothing = 10.0

    let minSamplesLeaf: Double
    let minHessianLeaf: Double
    let l2: Double
    let maxCategoryThreshold: Int
    let binCounts: [Int]
    let isCategorical: [Bool]

    /// The best split over the `active` columns (ascending); ties keep the first column and
    /// the first threshold.
    /// - Parameter histogram: `columns * 256 * 3` values (gradient, hessian, count per bin).
    func best(histogram: UnsafePointer<Double>, total: GradientStats, active: [Int]) -> SplitCandidate {
        var best = SplitCandidate()
        guard total.count >= 2 * minSamplesLeaf else { return best }
        let parentScore = total.gradient * total.gradient / (total.hessian + l2)
        for column in active {
            let bins = histogram + column * HistogramPool.stride
            if isCategorical[column] {
                categorical(column, bins, total, parentScore, &best)
            } else {
                numeric(column, bins, total, parentScore, &best)
            }
        }
        return best
    }

    @inline(__always)
    private func score(_ left: GradientStats, _ right: GradientStats, _ parentScore: Double) -> Double? {
        guard left.count >= minSamplesLeaf, right.count >= minSamplesLeaf,
              left.hessian >= minHessianLeaf, right.hessian >= minHessianLeaf else { return nil }
        return left.gradient * left.gradient / (left.hessian + l2) + right.gradient * right.gradient / (right.hessian + l2) - parentScore
    }

    private func numeric(
        _ column: Int, _ bins: UnsafePointer<Double>, _ total: GradientStats, _ parentScore: Double,
        _ best: inout SplitCandidate
    ) {
        let binCount = binCounts[column]
        let m = BinnedMatrix.missingBin * 3
        let missing = GradientStats(gradient: bins[m], hessian: bins[m + 1], count: bins[m + 2])
        let hasMissing = missing.count > 0
        var cumulative = GradientStats()
        if binCount >= 2 {
            for bin in 0..<(binCount - 1) {
                let count = bins[bin * 3 + 2]
                if count == 0 { continue }
                cumulative.gradient += bins[bin * 3]
                cumulative.hessian += bins[bin * 3 + 1]
                cumulative.count += count
                let right = total - cumulative
                if let gain = score(cumulative, right, parentScore), gain > best.gain {
                    best = SplitCandidate(
                        gain: gain, feature: column, bin: bin,
                        missingLeft: hasMissing ? false : cumulative.count >= right.count,
                        categories: nil, left: cumulative, right: right)
                }
                if hasMissing {
                    let left = cumulative + missing
                    let rightWithout = total - left
                    if let gain = score(left, rightWithout, parentScore), gain > best.gain {
                        best = SplitCandidate(
                            gain: gain, feature: column, bin: bin, missingLeft: true, categories: nil,
                            left: left, right: rightWithout)
                    }
                }
            }
        }
        if hasMissing && binCount >= 1 {
            let left = total - missing
            if let gain = score(left, missing, parentScore), gain > best.gain {
                best = SplitCandidate(
                    gain: gain, feature: column, bin: binCount - 1, missingLeft: false, categories: nil,
                    left: left, right: missing)
            }
        }
    }

    /// Categories are sorted by `G / (H + smoothing)` (ties by bin) in a stack buffer: this
    /// runs for every categorical column of every leaf, so it allocates nothing.
    private func categorical(
        _ column: Int, _ bins: UnsafePointer<Double>, _ total: GradientStats, _ parentScore: Double,
        _ best: inout SplitCandidate
    ) {
        withUnsafeTemporaryAllocation(of: (bin: Int, key: Double).self, capacity: BinnedMatrix.missingBin + 1) { used in
            var usedCount = 0
            func consider(_ bin: Int) {
                let count = bins[bin * 3 + 2]
                guard count >= Self.categorySupport else { return }
                // Insertion into the sorted prefix: few categories, and the order is total.
                let key = bins[bin * 3] / (bins[bin * 3 + 1] + Self.categorySmoothing)
                var position = usedCount
                while position > 0, used[position - 1].key > key || (used[position - 1].key == key && used[position - 1].bin > bin) {
                    used[position] = used[position - 1]
                    position -= 1
                }
                used[position] = (bin, key)
                usedCount += 1
            }
            for bin in 0..<binCounts[column] { consider(bin) }
            consider(BinnedMatrix.missingBin)
            guard usedCount >= 2 else { return }
            let longest = min(maxCategoryThreshold, (usedCount + 1) / 2, usedCount - 1)
            var found: (gain: Double, descending: Bool, length: Int, left: GradientStats)? = nil
            for pass in 0..<2 {
                let descending = pass == 1
                var left = GradientStats()
                for length in 1...max(1, longest) {
                    let bin = used[descending ? usedCount - length : length - 1].bin
                    left = left + GradientStats(gradient: bins[bin * 3], hessian: bins[bin * 3 + 1], count: bins[bin * 3 + 2])
                    if let gain = score(left, total - left, parentScore), gain > (found?.gain ?? best.gain) {
                        found = (gain, descending, length, left)
                    }
                }
            }
            guard let found, found.gain > best.gain else { return }
            var set = BinSet()
            for length in 1...found.length {
                set.insert(used[found.descending ? usedCount - length : length - 1].bin)
            }
            best = SplitCandidate(
                gain: found.gain, feature: column, bin: 0, missingLeft: set.contains(BinnedMatrix.missingBin),
                categories: set, left: found.left, right: total - found.left)
        }
    }
}
