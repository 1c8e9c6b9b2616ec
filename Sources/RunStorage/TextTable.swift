/// A plain-text table with aligned columns, for the terminal.
///
/// ```
/// id  notebook            status
/// 3   notebooks/income.md finished
/// ```
public struct TextTable: Sendable {
    /// The header cells.
    public var columns: [String]
    /// Indices of columns aligned to the right (numbers).
    public var rightAligned: Set<Int>
    /// The rows; short rows are padded with empty cells.
    public var rows: [[String]]

    /// Creates a table.
    public init(columns: [String], rightAligned: Set<Int> = [], rows: [[String]]) {
        self.columns = columns
        self.rightAligned = rightAligned
        self.rows = rows
    }

    /// The table as lines joined by newlines (no trailing newline, no trailing spaces).
    public func render() -> String {
        let all = [columns] + rows
        let widths = columns.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            columns.indices.map { column -> String in
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
