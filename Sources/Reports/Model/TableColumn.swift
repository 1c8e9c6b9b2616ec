/// A table column: its header and how its cells are aligned.
///
/// Use `.right` for numeric columns: renderers then right-align the column
/// and use tabular numerals.
public struct TableColumn: Sendable, Equatable, Codable {
    /// Horizontal alignment of a column's header and cells.
    public enum Alignment: String, Sendable, Equatable, Codable {
        /// Left-aligned, for text.
        case left
        /// Right-aligned, for numbers.
        case right
    }

    /// The column header.
    public var name: String
    /// How the column is aligned.
    public var alignment: Alignment

    /// Creates a column: `TableColumn("rows", alignment: .right)`.
    public init(_ name: String, alignment: Alignment = .left) {
        self.name = name
        self.alignment = alignment
    }

    /// Creates a column: `TableColumn(name: "rows", alignment: .right)`.
    public init(name: String, alignment: Alignment = .left) {
        self.init(name, alignment: alignment)
    }
}
