import Foundation

/// Mutual information (in nats) between features and a target column: how much knowing
/// a feature reduces the uncertainty about the target, 0 for independence.
///
/// Every variable is made discrete first, then `I(X; Y) = Σ p(x,y) log(p(x,y) / (p(x) p(y)))`
/// is computed from counts exactly as `sklearn.metrics.mutual_info_score` does:
/// - a categorical feature by its categories, missing values forming one more category;
/// - a numeric feature by quantile bins: the cut points are its deciles (the
///   quantiles at 0.1, 0.2, …, 0.9 of its non-missing values, numpy's linear
///   interpolation) with duplicates removed; the values equal to a cut point form one
///   bin and the values strictly between two neighbouring cut points another, so
///   continuous data gets ``numericBins`` (10) equal-frequency bins (plus up to 9 tiny
///   ones holding values that hit a cut exactly), while a value that fills several
///   deciles, like the zeros of a mostly-zero column, becomes a bin of its own instead
///   of being merged with its neighbours. In numpy: `searchsorted(cuts, x, "left") +
///   searchsorted(cuts, x, "right")`. Missing values (`nan`) form one more bin;
/// - the target by its values (categories, or distinct numbers for a numeric target such
///   as 0/1); rows with a missing target are left out.
///
/// Binned scores favour features with many bins slightly (the estimate is not bias
/// corrected), so compare features of similar cardinality with care.
///
/// ```swift
/// let ranking = try MutualInformation.withTarget(frame, target: "income", features: ["age", "sex"])
/// ranking.first?.feature   // the most informative feature
/// ```
public enum MutualInformation {
    /// The number of equal-frequency bins a numeric feature is cut into (its cut points are the
    /// `1/numericBins, …` quantiles).
    public static let numericBins = 10

    /// The mutual information of each feature with `target`, sorted by score descending
    /// (ties in the order of `features`).
    /// - Throws: ``DataError`` when `target` or a feature is not a column of `frame`.
    public static func withTarget(_ frame: DataFrame, target: String, features: [String]) throws(DataError) -> [FeatureScore] {
        guard let targetColumn = frame.column(named: target) else {
            throw DataError(file: "", message: "the target `\(target)` is not a column; columns are: \(listing(frame.columnNames))")
        }
        let (targetCodes, present) = targetClasses(targetColumn)
        var scores: [FeatureScore] = []
        scores.reserveCapacity(features.count)
        for feature in features {
            guard let column = frame.column(named: feature) else {
                throw DataError(file: "", message: "the feature `\(feature)` is not a column; columns are: \(listing(frame.columnNames))")
            }
            let codes = discrete(column)
            var featureCodes: [UInt32] = []
            var classes: [UInt32] = []
            featureCodes.reserveCapacity(present.count)
            classes.reserveCapacity(present.count)
            for row in present {
                featureCodes.append(codes[row])
                classes.append(targetCodes[row])
            }
            scores.append(FeatureScore(feature: feature, score: between(featureCodes, classes)))
        }
        let order = scores.indices.sorted { lhs, rhs in
            scores[lhs].score != scores[rhs].score ? scores[lhs].score > scores[rhs].score : lhs < rhs
        }
        return order.map { scores[$0] }
    }

    /// Mutual information in nats between two code sequences (`mutual_info_score`);
    /// 0 for no rows.
    static func between(_ x: [UInt32], _ y: [UInt32]) -> Double {
        let table = ContingencyTable(rows: x, columns: y)
        guard table.total > 0 else { return 0 }
        let n = Double(table.total)
        let logN = log(n)
        var sum = CompensatedSum()
        for cell in table.cells {
            let count = Double(cell.count)
            let outer = Double(table.rowTotals[cell.row]) * Double(table.columnTotals[cell.column])
            let term = count / n * (log(count) - logN) + count / n * (logN + logN - log(outer))
            if abs(term) >= Double.ulpOfOne { sum.add(term) }
        }
        return max(sum.value, 0)
    }

    /// One code per row: categories (missing → one extra code) or quantile bins.
    static func discrete(_ column: Column) -> [UInt32] {
        switch column {
        case .categorical(let categorical):
            let missing = UInt32(categorical.categories.count)
            return categorical.codes.map { Int($0) < categorical.categories.count ? $0 : missing }
        case .numeric(let numeric):
            return bins(numeric.values, count: numericBins)
        }
    }

    /// Quantile bin indices of `values` (see the type's documentation): twice the number
    /// of cut points below the value, plus 1 when it equals a cut point; `nan` gets the
    /// index one past the last bin.
    static func bins(_ values: [Double], count: Int) -> [UInt32] {
        let cuts = cutPoints(values, count: count)
        let missing = UInt32(2 * cuts.count + 1)
        return values.map { value in
            guard !value.isNaN else { return missing }
            var low = 0
            var high = cuts.count
            while low < high {
                let middle = (low + high) / 2
                if cuts[middle] < value { low = middle + 1 } else { high = middle }
            }
            let onCut = low < cuts.count && cuts[low] == value
            return UInt32(2 * low + (onCut ? 1 : 0))
        }
    }

    /// The distinct quantiles at `1/count, …, (count−1)/count` of the non-missing values.
    static func cutPoints(_ values: [Double], count: Int) -> [Double] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        var cuts: [Double] = []
        guard count > 1 else { return cuts }
        for k in 1..<count {
            guard let cut = Quantiles.linear(sorted, Double(k) / Double(count)) else { break }
            if cuts.last.map({ $0 < cut }) ?? true { cuts.append(cut) }
        }
        return cuts
    }

    /// Class codes of the target (numeric values ranked among the distinct values)
    /// and the rows where it is present.
    private static func targetClasses(_ column: Column) -> (codes: [UInt32], present: [Int]) {
        switch column {
        case .categorical(let categorical):
            let present = categorical.codes.indices.filter { Int(categorical.codes[$0]) < categorical.categories.count }
            return (categorical.codes, present)
        case .numeric(let numeric):
            let sorted = numeric.values.filter { !$0.isNaN }.sorted()
            var distinct: [Double] = []
            for value in sorted where distinct.last != value { distinct.append(value) }
            let present = numeric.values.indices.filter { !numeric.values[$0].isNaN }
            let codes = numeric.values.map { value -> UInt32 in
                guard !value.isNaN else { return UInt32.max }
                var low = 0
                var high = distinct.count
                while low < high {
                    let middle = (low + high) / 2
                    if distinct[middle] < value { low = middle + 1 } else { high = middle }
                }
                return UInt32(truncatingIfNeeded: low)
            }
            return (codes, present)
        }
    }

    private static func listing(_ names: [String]) -> String {
        let shown = names.prefix(20).map { "`\($0)`" }.joined(separator: ", ")
        return names.count > 20 ? shown + ", … (\(names.count) in all)" : shown
    }
}
