/// The place of one cell in a table's body: 0-based row and column.
public struct CellPosition: Sendable, Equatable, Hashable, Codable {
    /// The row's index in `Table.rows`.
    public var row: Int
    /// The column's index in `Table.columns`.
    public var column: Int

    /// Creates a position: `CellPosition(row: 0, column: 2)`.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
