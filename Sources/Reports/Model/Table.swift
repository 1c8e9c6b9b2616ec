/// A table of typed cells with column alignment.
///
/// Rows shorter than `columns` are padded with empty cells; cells beyond the
/// last column are not shown.
public struct Table: Sendable, Equatable, Codable {
    /// An optional caption; backticks mark code, e.g. ``Dataset `census` ``.
    public var title: String?
    /// The columns, in order.
    public var columns: [TableColumn]
    /// The rows; each row holds one cell per column.
    public var rows: [[TableCell]]
    /// The index in `rows` of a row to emphasise (e.g. the best model), if any.
    public var highlightedRow: Int?
    /// Single cells to emphasise (e.g. the best value of each metric column), shown in bold.
    public var highlightedCells: Set<CellPosition>

    /// Creates a table.
    public init(
        title: String? = nil,
        columns: [TableColumn],
        rows: [[TableCell]],
        highlightedRow: Int? = nil,
        highlightedCells: Set<CellPosition> = []
    ) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.highlightedRow = highlightedRow
        self.highlightedCells = highlightedCells
    }
}
