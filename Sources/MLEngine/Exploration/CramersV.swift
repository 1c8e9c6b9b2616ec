/// Cramér's V: the strength of association between two categorical variables, from 0
/// (independent) to 1 (each determines the other).
///
/// `V = sqrt(χ² / (n · (min(r, c) − 1)))` with Pearson's χ² of the contingency table
/// and no bias correction (`scipy.stats.contingency.association(method="cramer")`
/// with `correction=False`). Rows where either value is missing are skipped; `r` and
/// `c` count the categories that occur in the remaining rows. `V` is `nan` when no
/// rows remain or when either variable shows a single category there.
///
/// ```swift
/// let v = CramersV.between(sex, relationship)
/// let matrix = CramersV.matrix(frame)   // all categorical columns
/// ```
public enum CramersV {
    /// Cramér's V between two categorical columns of equal length.
    public static func between(_ lhs: CategoricalColumn, _ rhs: CategoricalColumn) -> Double {
        var left: [UInt32] = []
        var right: [UInt32] = []
        left.reserveCapacity(lhs.codes.count)
        right.reserveCapacity(lhs.codes.count)
        for (a, b) in zip(lhs.codes, rhs.codes)
        where Int(a) < lhs.categories.count && Int(b) < rhs.categories.count {
            left.append(a)
            right.append(b)
        }
        let table = ContingencyTable(rows: left, columns: right)
        let smaller = min(table.rowTotals.count, table.columnTotals.count)
        guard table.total > 0, smaller > 1 else { return .nan }
        let ratio = table.chiSquare / (Double(table.total) * Double(smaller - 1))
        return min(max(ratio, 0), 1).squareRoot()
    }

    /// Cramér's V between every pair of the frame's categorical columns, in frame order.
    public static func matrix(_ frame: DataFrame) -> CorrelationMatrix {
        let columns: [CategoricalColumn] = frame.columns.compactMap { column in
            if case .categorical(let categorical) = column { return categorical }
            return nil
        }
        return CorrelationMatrix.build(names: columns.map(\.name)) { i, j in
            between(columns[i], columns[j])
        }
    }
}
