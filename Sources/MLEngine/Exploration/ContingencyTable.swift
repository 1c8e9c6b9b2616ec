/// The cross-tabulation of two discrete variables given as per-row codes, kept sparse.
///
/// Only the nonzero cells are stored, sorted by (row code, column code), and only the
/// codes that occur get a row or column: counts never depend on hash order, so sums
/// over the cells are the same in every process. Built by sorting the packed pairs,
/// so any code values work (no table of `rows × columns` is ever allocated).
struct ContingencyTable: Sendable, Equatable {
    /// One nonzero cell: compact row and column indices and the number of rows.
    struct Cell: Sendable, Equatable {
        var row: Int
        var column: Int
        var count: Int
    }

    /// Number of pairs counted.
    private(set) var total: Int
    /// Pairs per occurring row code, in ascending code order.
    private(set) var rowTotals: [Int]
    /// Pairs per occurring column code, in ascending code order.
    private(set) var columnTotals: [Int]
    /// The nonzero cells, sorted by row then column.
    private(set) var cells: [Cell]

    /// Cross-tabulates `rows[i]` against `columns[i]` for every `i` (up to the shorter array).
    init(rows: [UInt32], columns: [UInt32]) {
        var keys = zip(rows, columns).map { UInt64($0) << 32 | UInt64($1) }
        keys.sort()
        total = keys.count
        var columnCodes = keys.map { UInt32(truncatingIfNeeded: $0) }
        columnCodes.sort()
        var distinctColumns: [UInt32] = []
        for code in columnCodes where distinctColumns.last != code { distinctColumns.append(code) }

        rowTotals = []
        columnTotals = [Int](repeating: 0, count: distinctColumns.count)
        cells = []
        var start = 0
        var previousRow: UInt32?
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end] == keys[start] { end += 1 }
            let rowCode = UInt32(truncatingIfNeeded: keys[start] >> 32)
            let columnCode = UInt32(truncatingIfNeeded: keys[start])
            if rowCode != previousRow {
                rowTotals.append(0)
                previousRow = rowCode
            }
            let column = Self.index(of: columnCode, in: distinctColumns)
            let count = end - start
            cells.append(Cell(row: rowTotals.count - 1, column: column, count: count))
            rowTotals[rowTotals.count - 1] += count
            columnTotals[column] += count
            start = end
        }
    }

    /// Pearson's chi-square statistic of independence, `Σ (O − E)² / E` over every cell
    /// of the `rowTotals.count × columnTotals.count` table (empty cells contribute `E`).
    var chiSquare: Double {
        guard total > 0 else { return 0 }
        let n = Double(total)
        var statistic = CompensatedSum()
        var expectedInNonzero = CompensatedSum()
        for cell in cells {
            let expected = Double(rowTotals[cell.row]) * Double(columnTotals[cell.column]) / n
            let difference = Double(cell.count) - expected
            statistic.add(difference * difference / expected)
            expectedInNonzero.add(expected)
        }
        if cells.count < rowTotals.count * columnTotals.count {
            statistic.add(max(n - expectedInNonzero.value, 0))
        }
        return statistic.value
    }

    private static func index(of code: UInt32, in sorted: [UInt32]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
