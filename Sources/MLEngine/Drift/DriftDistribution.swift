/// The reference's and the current data's distributions of one feature, side by side,
/// for a chart: shares of non-missing values.
public enum DriftDistribution: Sendable, Equatable {
    /// Equal-width bins from the 0.5th to the 99.5th percentile of both samples together
    /// (values beyond fall in the end bins); `edges` has one more entry than the shares.
    case numeric(edges: [Double], reference: [Double], current: [Double])
    /// The categories with the largest share on either side, most common in the reference
    /// first; the rest, if any, summed as a last entry named `nil`.
    case categorical(categories: [String?], reference: [Double], current: [Double])

    /// Bins of a numeric comparison.
    public static let binCount = 20
    /// Categories shown before the rest is summed.
    public static let categoryCount = 8

    static func numeric(reference: SortedSample, current: SortedSample) -> DriftDistribution? {
        guard !reference.values.isEmpty, !current.values.isEmpty else { return nil }
        let low = min(Quantiles.linear(reference.values, 0.005) ?? 0, Quantiles.linear(current.values, 0.005) ?? 0)
        let high = max(Quantiles.linear(reference.values, 0.995) ?? 0, Quantiles.linear(current.values, 0.995) ?? 0)
        guard high > low, low.isFinite, high.isFinite else { return nil }
        let width = (high - low) / Double(binCount)
        let edges = (0...binCount).map { $0 == binCount ? high : low + Double($0) * width }
        func shares(_ values: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: binCount)
            for value in values {
                let bin = min(max(Int(((value - low) / width).rounded(.down)), 0), binCount - 1)
                counts[bin] += 1
            }
            return counts.map { $0 / Double(values.count) }
        }
        return .numeric(edges: edges, reference: shares(reference.values), current: shares(current.values))
    }

    static func categorical(_ old: CategoricalColumn, _ new: CategoricalColumn) -> DriftDistribution? {
        var order = [String]()
        var index = [String: Int]()
        var referenceCounts = [Double]()
        var currentCounts = [Double]()
        func slot(_ category: String) -> Int {
            if let known = index[category] { return known }
            index[category] = order.count
            order.append(category)
            referenceCounts.append(0)
            currentCounts.append(0)
            return order.count - 1
        }
        let oldSlots = old.categories.map(slot)
        let newSlots = new.categories.map(slot)
        var referenceTotal = 0.0
        var currentTotal = 0.0
        for code in old.codes where code != CategoricalColumn.missingCode && Int(code) < oldSlots.count {
            referenceCounts[oldSlots[Int(code)]] += 1
            referenceTotal += 1
        }
        for code in new.codes where code != CategoricalColumn.missingCode && Int(code) < newSlots.count {
            currentCounts[newSlots[Int(code)]] += 1
            currentTotal += 1
        }
        guard referenceTotal > 0, currentTotal > 0 else { return nil }
        let referenceShares = referenceCounts.map { $0 / referenceTotal }
        let currentShares = currentCounts.map { $0 / currentTotal }
        let ranked = order.indices
            .filter { referenceShares[$0] > 0 || currentShares[$0] > 0 }
            .sorted { (max(referenceShares[$0], currentShares[$0]), order[$1]) > (max(referenceShares[$1], currentShares[$1]), order[$0]) }
        let shown = Array(ranked.prefix(categoryCount))
            .sorted { (referenceShares[$0], order[$1]) > (referenceShares[$1], order[$0]) }
        var categories: [String?] = shown.map { order[$0] }
        var reference = shown.map { referenceShares[$0] }
        var current = shown.map { currentShares[$0] }
        if ranked.count > shown.count {
            categories.append(nil)
            reference.append(max(0, 1 - reference.reduce(0, +)))
            current.append(max(0, 1 - current.reduce(0, +)))
        }
        return .categorical(categories: categories, reference: reference, current: current)
    }
}
