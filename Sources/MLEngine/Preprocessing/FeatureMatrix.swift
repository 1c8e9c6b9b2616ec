/// A dense, row-major matrix of model inputs produced by a ``FeatureEncoder``.
///
/// The value of row `r`, column `c` is `values[r * columns + c]`.
public struct FeatureMatrix: Sendable, Equatable {
    /// Number of rows (samples).
    public var rows: Int
    /// Number of columns (encoded features).
    public var columns: Int
    /// `rows * columns` values, row after row.
    public var values: [Double]
    /// One name per column: the feature name, or `feature=category` for a one-hot column.
    public var names: [String]

    /// Creates a matrix.
    /// - Precondition: `values.count == rows * columns` and `names.count == columns`.
    public init(rows: Int, columns: Int, values: [Double], names: [String]) {
        precondition(values.count == rows * columns, "FeatureMatrix values must hold rows * columns elements")
        precondition(names.count == columns, "FeatureMatrix needs one name per column")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.names = names
    }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columns + column]
    }
}
