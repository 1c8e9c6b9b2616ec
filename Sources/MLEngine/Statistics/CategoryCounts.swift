/// How many rows hold each category of a categorical column, for bar charts.
///
/// Entries are sorted by count descending, ties in order of first appearance;
/// categories with no rows are left out.
public struct CategoryCounts: Sendable, Equatable {
    /// Category texts, most frequent first.
    public var labels: [String]
    /// Row counts, parallel to ``labels``.
    public var counts: [Int]
    /// Rows with a missing value.
    public var missing: Int

    /// Creates counts from their parts.
    public init(labels: [String], counts: [Int], missing: Int) {
        self.labels = labels
        self.counts = counts
        self.missing = missing
    }

    /// Counts the categories of `column`.
    public static func counting(_ column: CategoricalColumn) -> CategoryCounts {
        var perCode = [Int](repeating: 0, count: column.categories.count)
        var missing = 0
        for code in column.codes {
            if code == CategoricalColumn.missingCode || Int(code) >= perCode.count {
                missing += 1
            } else {
                perCode[Int(code)] += 1
            }
        }
        let order = perCode.indices.filter { perCode[$0] > 0 }.sorted { lhs, rhs in
            perCode[lhs] != perCode[rhs] ? perCode[lhs] > perCode[rhs] : lhs < rhs
        }
        return CategoryCounts(
            labels: order.map { column.categories[$0] }, counts: order.map { perCode[$0] }, missing: missing)
    }
}
