/// Finds columns that are likely useless or harmful as features.
///
/// The checks, each giving one ``ColumnWarning``:
/// - ``ColumnWarning/Kind/constant``: exactly one distinct non-missing value;
/// - ``ColumnWarning/Kind/highCardinality``: a categorical column with more distinct
///   values than ``highCardinalityShare`` (50%) of the rows *and* more than
///   ``highCardinalityMinimum`` (20) — both, so small frames are not flagged for a
///   handful of categories;
/// - ``ColumnWarning/Kind/mostlyMissing``: more than ``missingShare`` (50%) of the rows missing;
/// - ``ColumnWarning/Kind/identifier``: a numeric column with more than
///   ``identifierMinimum`` (20) non-missing values, all distinct whole numbers.
///
/// Warnings come in column order, then in the order of the kinds above.
///
/// ```swift
/// for warning in ColumnWarnings.check(frame) { print(warning.message) }
/// ```
public enum ColumnWarnings {
    /// Distinct values per row above which a categorical column has high cardinality.
    public static let highCardinalityShare = 0.5
    /// The number of distinct values a high-cardinality column must also exceed.
    public static let highCardinalityMinimum = 20
    /// Share of missing rows above which a column is mostly missing.
    public static let missingShare = 0.5
    /// The number of non-missing values an identifier column must exceed.
    public static let identifierMinimum = 20

    /// The warnings for every column of `frame`.
    public static func check(_ frame: DataFrame) -> [ColumnWarning] {
        frame.columns.flatMap { check($0, rows: frame.rowCount) }
    }

    /// The warnings for one column of a frame with `rows` rows.
    static func check(_ column: Column, rows: Int) -> [ColumnWarning] {
        let summary = ColumnSummary.summarize(column)
        let name = column.name
        var warnings: [ColumnWarning] = []
        if summary.distinct == 1 {
            let value = summary.topCategories.first?.value ?? summary.min.map(ClassBalance.label) ?? ""
            warnings.append(ColumnWarning(
                column: name, kind: .constant,
                message: "`\(name)` has the same value (\"\(value)\") in every row that has a value; "
                    + "it cannot help a model, so consider dropping it."))
        }
        if column.type == .categorical, summary.distinct > highCardinalityMinimum,
           Double(summary.distinct) > highCardinalityShare * Double(rows) {
            warnings.append(ColumnWarning(
                column: name, kind: .highCardinality,
                message: "`\(name)` has \(summary.distinct) distinct values in \(rows) rows "
                    + "(\(percent(Double(summary.distinct) / Double(rows)))); values this specific rarely repeat "
                    + "in new data, so group the rare ones or drop the column."))
        }
        if rows > 0, Double(summary.missing) > missingShare * Double(rows) {
            warnings.append(ColumnWarning(
                column: name, kind: .mostlyMissing,
                message: "`\(name)` is missing in \(summary.missing) of \(rows) rows "
                    + "(\(percent(Double(summary.missing) / Double(rows)))); consider dropping it "
                    + "or keeping only whether it is present."))
        }
        if case .numeric(let numeric) = column, summary.count > identifierMinimum, summary.distinct == summary.count,
           numeric.values.allSatisfy({ $0.isNaN || ($0.isFinite && $0.rounded() == $0) }) {
            warnings.append(ColumnWarning(
                column: name, kind: .identifier,
                message: "`\(name)` looks like an identifier: all \(summary.count) values are distinct whole numbers; "
                    + "it names rows rather than describing them, so leave it out of the features."))
        }
        return warnings
    }

    /// `0.6123` → `"61.2%"`.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
