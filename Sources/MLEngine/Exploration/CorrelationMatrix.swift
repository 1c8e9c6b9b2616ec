/// A symmetric matrix of pairwise association between a frame's columns: Pearson or
/// Spearman correlation between numeric columns, or Cramér's V between categorical
/// columns (``CramersV/matrix(_:)``).
///
/// `values[i][j]` is the association of `names[i]` with `names[j]`; the diagonal is 1
/// for a column that varies and `nan` for one that does not. Undefined entries are
/// `nan` (see ``Correlation`` and ``CramersV``). Two matrices are equal when their names
/// match and every entry is equal or both are `nan`.
///
/// ```swift
/// let matrix = CorrelationMatrix.spearman(frame)
/// matrix.value("age", "hours-per-week")   // ρ over the rows where both are present
/// ```
public struct CorrelationMatrix: Sendable, Equatable {
    /// The column names, in frame order.
    public var names: [String]
    /// Row-major entries: `values[i][j]` relates `names[i]` and `names[j]`.
    public var values: [[Double]]

    /// Creates a matrix from its parts.
    public init(names: [String], values: [[Double]]) {
        self.names = names
        self.values = values
    }

    /// Pearson correlation between every pair of numeric columns (pairwise-complete).
    public static func pearson(_ frame: DataFrame) -> CorrelationMatrix {
        let columns = numericColumns(frame)
        return build(names: columns.map(\.name)) { i, j in
            Correlation.pearson(columns[i].values, columns[j].values)
        }
    }

    /// Spearman correlation between every pair of numeric columns (pairwise-complete,
    /// average ranks for ties, ranks taken over each pair's complete rows).
    public static func spearman(_ frame: DataFrame) -> CorrelationMatrix {
        let columns = numericColumns(frame)
        // Columns without missing values are ranked once and reused for every pair.
        let ranks: [[Double]?] = columns.map { column in
            column.values.contains(where: \.isNaN) ? nil : Correlation.averageRanks(column.values)
        }
        return build(names: columns.map(\.name)) { i, j in
            if let left = ranks[i], let right = ranks[j] {
                return Correlation.completePearson(left, right)
            }
            return Correlation.spearman(columns[i].values, columns[j].values)
        }
    }

    /// The entry relating the columns `row` and `column`, or `nil` when either is not in the matrix.
    public func value(_ row: String, _ column: String) -> Double? {
        guard let i = names.firstIndex(of: row), let j = names.firstIndex(of: column),
              i < values.count, j < values[i].count else { return nil }
        return values[i][j]
    }

    /// Equal names, and entries equal or both `nan`.
    public static func == (lhs: CorrelationMatrix, rhs: CorrelationMatrix) -> Bool {
        guard lhs.names == rhs.names, lhs.values.count == rhs.values.count else { return false }
        return zip(lhs.values, rhs.values).allSatisfy { left, right in
            left.count == right.count && zip(left, right).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        }
    }

    /// Fills the upper triangle with `entry(i, j)` and mirrors it; a defined diagonal
    /// entry (`entry(i, i)` not `nan`) is set to exactly 1.
    static func build(names: [String], entry: (Int, Int) -> Double) -> CorrelationMatrix {
        let count = names.count
        var values = [[Double]](repeating: [Double](repeating: .nan, count: count), count: count)
        for i in 0..<count {
            let own = entry(i, i)
            values[i][i] = own.isNaN ? .nan : 1
            for j in (i + 1)..<count {
                let value = entry(i, j)
                values[i][j] = value
                values[j][i] = value
            }
        }
        return CorrelationMatrix(names: names, values: values)
    }

    private static func numericColumns(_ frame: DataFrame) -> [NumericColumn] {
        frame.columns.compactMap { column in
            if case .numeric(let numeric) = column { return numeric }
            return nil
        }
    }
}
