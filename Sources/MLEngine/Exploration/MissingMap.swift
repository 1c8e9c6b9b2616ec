/// Where values are missing: per column, and how many rows miss at least one value.
///
/// A value is missing when it is `nan` (numeric) or has the missing code (categorical).
/// Shares are of all rows, 0 for a frame without rows.
///
/// ```swift
/// let map = MissingMap.of(frame)
/// map.columns.filter { $0.count > 0 }   // the columns with gaps
/// map.rowsWithMissing                    // rows a complete-case analysis would drop
/// ```
public struct MissingMap: Sendable, Equatable {
    /// The missing values of one column.
    public struct Entry: Sendable, Equatable {
        /// The column name.
        public var column: String
        /// Number of missing values.
        public var count: Int
        /// `count` divided by the number of rows.
        public var share: Double

        /// Creates an entry.
        public init(column: String, count: Int, share: Double) {
            self.column = column
            self.count = count
            self.share = share
        }
    }

    /// One entry per column, in frame order.
    public var columns: [Entry]
    /// Number of rows in the frame.
    public var rowCount: Int
    /// Rows with at least one missing value.
    public var rowsWithMissing: Int

    /// Creates a map from its parts.
    public init(columns: [Entry], rowCount: Int, rowsWithMissing: Int) {
        self.columns = columns
        self.rowCount = rowCount
        self.rowsWithMissing = rowsWithMissing
    }

    /// Rows with at least one missing value, divided by the number of rows (0 without rows).
    public var rowShare: Double { rowCount > 0 ? Double(rowsWithMissing) / Double(rowCount) : 0 }

    /// The missing values of `frame`.
    public static func of(_ frame: DataFrame) -> MissingMap {
        let rowCount = frame.rowCount
        var rowHasMissing = [Bool](repeating: false, count: rowCount)
        var entries: [Entry] = []
        entries.reserveCapacity(frame.columns.count)
        for column in frame.columns {
            var count = 0
            switch column {
            case .numeric(let numeric):
                for (row, value) in numeric.values.enumerated() where value.isNaN {
                    count += 1
                    rowHasMissing[row] = true
                }
            case .categorical(let categorical):
                let known = categorical.categories.count
                for (row, code) in categorical.codes.enumerated() where Int(code) >= known {
                    count += 1
                    rowHasMissing[row] = true
                }
            }
            entries.append(Entry(column: column.name, count: count,
                                 share: rowCount > 0 ? Double(count) / Double(rowCount) : 0))
        }
        let rows = rowHasMissing.reduce(0) { $0 + ($1 ? 1 : 0) }
        return MissingMap(columns: entries, rowCount: rowCount, rowsWithMissing: rows)
    }
}
