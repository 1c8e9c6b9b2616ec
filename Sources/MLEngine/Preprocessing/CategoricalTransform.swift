/// The fitted steps of one categorical feature: fill a missing category, then encode.
///
/// One-hot: one column per entry of ``categories``, plus a final "other" column when
/// ``otherCategories`` is not empty; an unknown (or unfilled missing) category gives all zeros.
/// Ordinal: one column holding the position in ``categories``, or -1 for an unknown one.
public struct CategoricalTransform: Codable, Sendable, Equatable {
    /// The category that replaces a missing one, or `nil` to leave it missing.
    public var fill: String?
    /// How categories become numbers.
    public var encoding: CategoricalEncoding
    /// The categories with a column (one-hot) or a code (ordinal), sorted.
    public var categories: [String]
    /// The rare training categories that share the one-hot "other" column, sorted; empty when none.
    public var otherCategories: [String]

    /// Creates fitted categorical steps.
    public init(fill: String? = nil, encoding: CategoricalEncoding = .oneHot, categories: [String], otherCategories: [String] = []) {
        self.fill = fill
        self.encoding = encoding
        self.categories = categories
        self.otherCategories = otherCategories
    }

    /// The name of the one-hot column gathering ``otherCategories``: `feature=(other)`.
    public static let otherName = "(other)"

    /// Number of output columns.
    public var outputCount: Int {
        encoding == .ordinal ? 1 : categories.count + (otherCategories.isEmpty ? 0 : 1)
    }

    /// The output column names for a feature called `feature`.
    func outputNames(feature: String) -> [String] {
        guard encoding == .oneHot else { return [feature] }
        let other = otherCategories.isEmpty ? [] : [Self.otherName]
        return (categories + other).map { "\(feature)=\($0)" }
    }

    /// Learns the steps from a training column: counts (after imputation) decide the most
    /// frequent category and the "other" column; categories that occur in no row are dropped.
    static func fit(_ column: CategoricalColumn, steps: CategoricalPreprocessing) -> CategoricalTransform {
        var codeCounts = [Int](repeating: 0, count: column.categories.count)
        var missing = 0
        for code in column.codes {
            if Int(code) < codeCounts.count { codeCounts[Int(code)] += 1 } else { missing += 1 }
        }
        var counts: [String: Int] = [:]
        for (category, count) in zip(column.categories, codeCounts) where count > 0 {
            counts[category, default: 0] += count
        }
        var fill: String?
        switch steps.imputation {
        case nil:
            break
        case .constant(let value):
            fill = value
        case .mostFrequent:
            // The first category in sorted order among the most frequent ones.
            var bestCount = 0
            for (category, count) in counts.sorted(by: { $0.key < $1.key }) where count > bestCount {
                fill = category
                bestCount = count
            }
        }
        if let fill, missing > 0 { counts[fill, default: 0] += missing }
        var categories = counts.keys.sorted()
        var other: [String] = []
        if steps.encoding == .oneHot, let limit = steps.maxCategories, categories.count > limit {
            // scikit-learn: a stable ascending sort by count; all but the last `limit - 1` are "other".
            let frequency = categories.map { counts[$0, default: 0] }
            let byCount = categories.indices.sorted { (frequency[$0], $0) < (frequency[$1], $1) }
            let rare = Set(byCount.prefix(categories.count - (limit - 1)))
            other = categories.indices.filter { rare.contains($0) }.map { categories[$0] }
            categories = categories.indices.filter { !rare.contains($0) }.map { categories[$0] }
        }
        return CategoricalTransform(fill: fill, encoding: steps.encoding, categories: categories, otherCategories: other)
    }

    /// Writes the encoded `column` into `output`: its block of ``outputCount`` columns starts at
    /// `offset` in every row of `stride` values. Unknown categories are looked up once, not per row.
    func apply(_ column: CategoricalColumn, into output: inout UnsafeMutableBufferPointer<Double>, offset: Int, stride: Int) {
        var index: [String: Int] = [:]
        for (position, category) in categories.enumerated() { index[category] = position }
        for category in otherCategories { index[category] = categories.count }
        // Frame code → output position, or -1 when unknown; the extra last entry is for missing values.
        var lookup = column.categories.map { index[$0] ?? -1 }
        lookup.append(fill.flatMap { index[$0] } ?? -1)
        let missingSlot = lookup.count - 1
        var rowStart = offset
        switch encoding {
        case .oneHot:
            for code in column.codes {
                let target = lookup[Int(code) < missingSlot ? Int(code) : missingSlot]
                if target >= 0 { output[rowStart + target] = 1 }
                rowStart += stride
            }
        case .ordinal:
            for code in column.codes {
                output[rowStart] = Double(lookup[Int(code) < missingSlot ? Int(code) : missingSlot])
                rowStart += stride
            }
        }
    }

    /// Why these values cannot have come from fitting, or `nil` when they are consistent.
    var inconsistency: String? {
        if encoding == .ordinal, !otherCategories.isEmpty {
            return "an ordinally encoded feature cannot have an \"other\" column"
        }
        let all = categories + otherCategories
        guard Set(all).count == all.count else {
            return "a categorical feature lists a category twice"
        }
        return nil
    }
}
