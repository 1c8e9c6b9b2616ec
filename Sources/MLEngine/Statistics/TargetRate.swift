/// The share of positive labels per bin of a numeric column or per category of a
/// categorical one: how the target moves with a feature.
public struct TargetRate: Sendable, Equatable {
    /// One group of rows.
    public struct Group: Sendable, Equatable {
        /// `[lo, hi)` for a bin, the category otherwise, `missing` for missing values.
        public var label: String
        public var count: Int
        public var positives: Int
        /// `positives / count` (0 for an empty group).
        public var rate: Double { count > 0 ? Double(positives) / Double(count) : 0 }

        public init(label: String, count: Int, positives: Int) {
            self.label = label
            self.count = count
            self.positives = positives
        }
    }

    public var column: String
    public var groups: [Group]

    public init(column: String, groups: [Group]) {
        self.column = column
        self.groups = groups
    }

    /// Rates of `labels` (1 = positive, one per row) grouped by `column`: equal-width bins
    /// (as `Histogram.equalWidth`) for numbers, categories by descending count otherwise.
    /// `formatEdge` turns a bin edge into text.
    public static func of(
        _ column: Column, labels: [Double], bins: Int = 10, formatEdge: (Double) -> String = { String($0) }
    ) -> TargetRate {
        switch column {
        case .numeric(let numeric):
            return numericRates(numeric, labels: labels, bins: bins, formatEdge: formatEdge)
        case .categorical(let categorical):
            var counts = [Int](repeating: 0, count: categorical.categories.count)
            var positives = counts
            var missing = (count: 0, positives: 0)
            for (row, code) in categorical.codes.enumerated() {
                let positive = labels[row] == 1 ? 1 : 0
                if code == CategoricalColumn.missingCode {
                    missing.count += 1
                    missing.positives += positive
                } else {
                    counts[Int(code)] += 1
                    positives[Int(code)] += positive
                }
            }
            let order = counts.indices.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
            var groups = order.filter { counts[$0] > 0 }.map {
                Group(label: categorical.categories[$0], count: counts[$0], positives: positives[$0])
            }
            if missing.count > 0 { groups.append(Group(label: "missing", count: missing.count, positives: missing.positives)) }
            return TargetRate(column: categorical.name, groups: groups)
        }
    }

    private static func numericRates(
        _ numeric: NumericColumn, labels: [Double], bins: Int, formatEdge: (Double) -> String
    ) -> TargetRate {
        let histogram = Histogram.equalWidth(numeric.values, bins: bins)
        let binCount = histogram.counts.count
        guard binCount > 0, let low = histogram.edges.first, let high = histogram.edges.last else {
            return TargetRate(column: numeric.name, groups: [])
        }
        var counts = [Int](repeating: 0, count: binCount)
        var positives = counts
        var missing = (count: 0, positives: 0)
        let width = (high - low) / Double(binCount)
        for (row, value) in numeric.values.enumerated() {
            let positive = labels[row] == 1 ? 1 : 0
            guard value.isFinite else {
                missing.count += 1
                missing.positives += positive
                continue
            }
            let bin = width > 0 ? min(binCount - 1, max(0, Int((value - low) / width))) : 0
            counts[bin] += 1
            positives[bin] += positive
        }
        var groups = (0..<binCount).map { bin in
            let closing = bin == binCount - 1 ? "]" : ")"
            let label = "[\(formatEdge(histogram.edges[bin])), \(formatEdge(histogram.edges[bin + 1]))\(closing)"
            return Group(label: label, count: counts[bin], positives: positives[bin])
        }
        if missing.count > 0 { groups.append(Group(label: "missing", count: missing.count, positives: missing.positives)) }
        return TargetRate(column: numeric.name, groups: groups)
    }
}
