/// The storage type of a ``Column``: numbers (`Double`) or dictionary-encoded strings.
public enum ColumnType: String, Sendable, Codable, Hashable, CaseIterable {
    /// `Double` values, `nan` meaning missing.
    case numeric
    /// Dictionary-encoded strings.
    case categorical
}

extension Column {
    /// The column's ``ColumnType``.
    public var type: ColumnType {
        isNumeric ? .numeric : .categorical
    }
}
