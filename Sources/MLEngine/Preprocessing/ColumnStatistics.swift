/// The per-column numbers preprocessing learns, computed as numpy and scikit-learn do.
enum ColumnStatistics {
    /// The mean of the non-missing values, 0 when there are none.
    static func mean(ofPresent values: [Double]) -> Double {
        var sum = 0.0
        var count = 0
        for value in values where !value.isNaN {
            sum += value
            count += 1
        }
        return count > 0 ? sum / Double(count) : 0
    }

    /// The median of ascending `sorted` values (mean of the middle two for an even count), 0 for none.
    static func median(ofSorted sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The most frequent of ascending `sorted` values, the smallest among ties; 0 for none.
    static func mostFrequent(ofSorted sorted: [Double]) -> Double {
        var best = 0.0
        var bestCount = 0
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end] == sorted[start] { end += 1 }
            if end - start > bestCount {
                best = sorted[start]
                bestCount = end - start
            }
            start = end
        }
        return best
    }

    /// The mean and population standard deviation (two passes), `(0, 0)` for no values.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / Double(values.count)).squareRoot())
    }

    /// A divisor that is never (nearly) zero: `spread`, or 1 when it is below `10 × ulpOfOne`
    /// or not finite (scikit-learn's `_handle_zeros_in_scale`).
    static func safeScale(_ spread: Double) -> Double {
        spread.isFinite && spread >= 10 * Double.ulpOfOne ? spread : 1
    }

    /// `KBinsDiscretizer` edges for `values` (no missing ones): `bins + 1` ascending numbers from
    /// the minimum to the maximum, fewer when quantile edges coincide; `[v, v]` (one bin) for a
    /// constant column and `[0, 0]` for no values.
    static func binEdges(_ values: [Double], binning: Binning) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return [0, 0] }
        if low == high { return [low, high] }
        switch binning.strategy {
        case .uniform:
            // numpy.linspace: i × step + start, with the last edge exactly `stop`.
            let step = (high - low) / Double(binning.bins)
            return (0...binning.bins).map { $0 == binning.bins ? high : Double($0) * step + low }
        case .quantile:
            let sorted = values.sorted()
            // numpy.percentile(values, linspace(0, 100, bins + 1)), which divides the levels by 100.
            let levelStep = 100 / Double(binning.bins)
            let edges = (0...binning.bins).map { index -> Double in
                let level = index == binning.bins ? 100 : Double(index) * levelStep
                return Quantiles.linear(sorted, level / 100) ?? 0
            }
            // Drop edges within 1e-8 of their predecessor (numpy.ediff1d on the original edges).
            return edges.indices.filter { $0 == 0 || edges[$0] - edges[$0 - 1] > 1e-8 }.map { edges[$0] }
        }
    }

    /// The bin of `value`: how many interior edges (`edges[1..<count-1]`) are `<= value`
    /// (numpy's `searchsorted(..., side="right")`).
    @inline(__always)
    static func bin(of value: Double, edges: UnsafeBufferPointer<Double>) -> Int {
        var low = 1
        var high = edges.count - 1
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }
}
