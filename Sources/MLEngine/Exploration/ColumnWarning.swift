/// Something about a column that a person should look at before modelling with it.
public struct ColumnWarning: Sendable, Equatable, Hashable {
    /// What kind of problem the column has.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Exactly one distinct non-missing value.
        case constant
        /// A categorical column with very many distinct values (see ``ColumnWarnings``).
        case highCardinality = "high_cardinality"
        /// More than half of the values are missing.
        case mostlyMissing = "mostly_missing"
        /// A numeric column whose values are all distinct whole numbers: a row identifier.
        case identifier
    }

    /// The column name.
    public var column: String
    /// The kind of problem.
    public var kind: Kind
    /// A plain-language explanation with the numbers behind it and what to do.
    public var message: String

    /// Creates a warning.
    public init(column: String, kind: Kind, message: String) {
        self.column = column
        self.kind = kind
        self.message = message
    }
}
