/// Correlation coefficients between two numeric variables, computed as scipy does.
///
/// Both coefficients use the pairwise-complete rows: a position where either value
/// is `nan` (missing) is skipped. The result is `nan` when fewer than two rows remain
/// or when either variable is constant on them (scipy returns `nan` there too).
/// Infinite values make Pearson's coefficient `nan`; Spearman ranks them like any
/// other value. Arrays of different lengths are paired up to the shorter one.
///
/// ```swift
/// Correlation.pearson([1, 2, 3, .nan], [2, 4, 7, 1])   // uses the first three rows
/// Correlation.spearman([1, 2, 2, 3], [1, 3, 2, 4])     // ties share their average rank
/// ```
public enum Correlation {
    /// Pearson's product-moment coefficient `r` in `[-1, 1]` (`scipy.stats.pearsonr`).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let (left, right) = complete(x, y)
        return completePearson(left, right)
    }

    /// Spearman's rank coefficient `ρ` (`scipy.stats.spearmanr`): Pearson's `r` of the
    /// ranks, tied values sharing the average of their ranks. Ranks are taken over the
    /// pairwise-complete rows only.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let (left, right) = complete(x, y)
        return completePearson(averageRanks(left), averageRanks(right))
    }

    /// The pairs where neither value is `nan`, in order.
    static func complete(_ x: [Double], _ y: [Double]) -> ([Double], [Double]) {
        var left: [Double] = []
        var right: [Double] = []
        left.reserveCapacity(min(x.count, y.count))
        right.reserveCapacity(min(x.count, y.count))
        for (a, b) in zip(x, y) where !a.isNaN && !b.isNaN {
            left.append(a)
            right.append(b)
        }
        return (left, right)
    }

    /// Pearson's `r` of arrays without missing values (two-pass, compensated sums).
    static func completePearson(_ x: [Double], _ y: [Double]) -> Double {
        let count = min(x.count, y.count)
        guard count >= 2, !isConstant(x), !isConstant(y) else { return .nan }
        var sumX = CompensatedSum()
        var sumY = CompensatedSum()
        for index in 0..<count {
            sumX.add(x[index])
            sumY.add(y[index])
        }
        let meanX = sumX.value / Double(count)
        let meanY = sumY.value / Double(count)
        var sxx = CompensatedSum()
        var syy = CompensatedSum()
        var sxy = CompensatedSum()
        for index in 0..<count {
            let dx = x[index] - meanX
            let dy = y[index] - meanY
            sxx.add(dx * dx)
            syy.add(dy * dy)
            sxy.add(dx * dy)
        }
        let r = sxy.value / (sxx.value.squareRoot() * syy.value.squareRoot())
        return r.isNaN ? r : min(max(r, -1), 1)
    }

    /// 1-based ranks of `values` (no `nan`s), ties sharing the average of their ranks
    /// (`scipy.stats.rankdata(method="average")`).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            let average = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = average }
            start = end
        }
        return ranks
    }

    private static func isConstant(_ values: [Double]) -> Bool {
        guard let first = values.first else { return true }
        return values.allSatisfy { $0 == first }
    }
}
