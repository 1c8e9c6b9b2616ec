/// Equal-width bin counts of numeric values, compatible with `numpy.histogram`.
public struct Histogram: Sendable, Equatable {
    /// Bin edges, `bins + 1` values ascending (empty when there were no values).
    public var edges: [Double]
    /// Values per bin; bin `i` is `[edges[i], edges[i+1])`, the last bin closed.
    public var counts: [Int]
    /// Values left out: `nan` (missing) and infinities.
    public var missing: Int

    /// The most bins ``equalWidth(_:bins:)`` makes.
    public static let maximumBins = 10_000

    /// Creates a histogram from its parts.
    public init(edges: [Double], counts: [Int], missing: Int) {
        self.edges = edges
        self.counts = counts
        self.missing = missing
    }

    /// `bins` equal-width bins spanning the finite values' range, exactly as
    /// `numpy.histogram(values, bins)` computes edges (`linspace`) and assigns values.
    ///
    /// When every value is equal there is a single bin `[v - 0.5, v + 0.5]`; with
    /// no finite values, `edges` and `counts` are empty. `bins` is clamped to
    /// `1...maximumBins`.
    public static func equalWidth(_ values: [Double], bins: Int = 10) -> Histogram {
        let finite = values.filter { $0.isFinite }
        let missing = values.count - finite.count
        guard let low = finite.min(), let high = finite.max() else {
            return Histogram(edges: [], counts: [], missing: missing)
        }
        if low == high {
            return Histogram(edges: [low - 0.5, high + 0.5], counts: [finite.count], missing: missing)
        }
        let binCount = min(max(bins, 1), maximumBins)
        // A range wider than the largest Double is measured in halves (numpy raises).
        let scale = (high - low).isFinite ? 1.0 : 0.5
        let span = high * scale - low * scale
        let step = span / Double(binCount)
        var edges = (0...binCount).map { index -> Double in
            let offset = Double(index) * step
            return scale == 1 ? offset + low : low + offset + offset
        }
        edges[binCount] = high
        var counts = [Int](repeating: 0, count: binCount)
        for value in finite {
            var index = Int((value * scale - low * scale) / span * Double(binCount))
            index = min(max(index, 0), binCount)
            if index == binCount { index -= 1 }
            if value < edges[index] { index -= 1 }
            if index != binCount - 1 && value >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
        return Histogram(edges: edges, counts: counts, missing: missing)
    }
}
