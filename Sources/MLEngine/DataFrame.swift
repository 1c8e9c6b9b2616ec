/// A column-oriented table: every column is one contiguous array.
///
/// Numeric columns hold `Double` values with `Double.nan` marking a missing value;
/// categorical columns are dictionary-encoded (`codes` index into `categories`,
/// `CategoricalColumn.missingCode` marks a missing value).
public struct DataFrame: Sendable, Equatable {
    /// The columns, in file order.
    public private(set) var columns: [Column]

    /// Creates a frame from columns of equal length.
    /// - Precondition: every column has the same number of rows (programmer error otherwise).
    public init(columns: [Column]) {
        precondition(Set(columns.map(\.count)).count <= 1, "DataFrame columns must have equal length")
        self.columns = columns
    }

    /// Number of rows (0 for a frame without columns).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// Column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

/// One column of a `DataFrame`.
public enum Column: Sendable, Equatable {
    case numeric(NumericColumn)
    case categorical(CategoricalColumn)

    /// The column's name (its CSV header).
    public var name: String {
        switch self {
        case .numeric(let column): column.name
        case .categorical(let column): column.name
        }
    }

    /// Number of rows.
    public var count: Int {
        switch self {
        case .numeric(let column): column.values.count
        case .categorical(let column): column.codes.count
        }
    }

    /// Whether the column holds numbers.
    public var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }
}

/// A numeric column: contiguous `Double`s, `nan` meaning missing.
public struct NumericColumn: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// Number of missing (`nan`) values.
    public var missingCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }
}

/// A dictionary-encoded categorical column.
public struct CategoricalColumn: Sendable, Equatable {
    /// The code that marks a missing value.
    public static let missingCode = UInt32.max

    public var name: String
    /// One code per row: an index into `categories`, or `missingCode`.
    public var codes: [UInt32]
    /// The distinct values, in order of first appearance.
    public var categories: [String]

    public init(name: String, codes: [UInt32], categories: [String]) {
        self.name = name
        self.codes = codes
        self.categories = categories
    }

    /// Number of missing values.
    public var missingCount: Int { codes.reduce(0) { $0 + ($1 == Self.missingCode ? 1 : 0) } }

    /// The value at `row`, or `nil` when missing.
    public func value(at row: Int) -> String? {
        let code = codes[row]
        return code == Self.missingCode ? nil : categories[Int(code)]
    }
}
