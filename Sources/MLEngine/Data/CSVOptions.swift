/// How ``CSVReader`` splits and interprets a file.
///
/// Unquoted fields are trimmed of surrounding spaces and tabs. A field whose
/// (trimmed) text is one of ``missingMarkers`` is missing. Quoted fields keep
/// their text verbatim as category values, but are also trimmed before being
/// matched against the markers or parsed as numbers.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator byte (default `,`; use `UInt8(ascii: "\t")` for TSV).
    public var delimiter: UInt8
    /// Texts that mean "missing" (default: empty, `NA`, `?`). Matched exactly,
    /// case-sensitively, after trimming.
    public var missingMarkers: Set<String>
    /// Column types that override inference, by column name. A value that does not
    /// parse in a column forced to `.numeric` is an error naming its line, unless
    /// ``badNumbers`` is ``BadNumbers/missing``.
    public var columnTypes: [String: ColumnType]
    /// What a value that is not a number does in a column forced to `.numeric`: fail the
    /// read (the default) or become missing, counted in ``LoadedCSV/badValues``.
    public var badNumbers: BadNumbers

    /// What becomes of a value that is not a number in a column forced to `.numeric`.
    public enum BadNumbers: Sendable, Equatable {
        /// The read fails with a ``DataError`` naming the value's line.
        case fail
        /// The value is missing; each column's count and first line are reported.
        case missing
    }

    /// Creates options; every parameter has the default described on its property.
    public init(
        delimiter: UInt8 = UInt8(ascii: ","),
        missingMarkers: Set<String> = ["", "NA", "?"],
        columnTypes: [String: ColumnType] = [:],
        badNumbers: BadNumbers = .fail
    ) {
        self.delimiter = delimiter
        self.missingMarkers = missingMarkers
        self.columnTypes = columnTypes
        self.badNumbers = badNumbers
    }
}

extension CSVOptions {
    /// These options with each of `features` pinned to the type it has in `frame`: how data
    /// compared with `frame` (drift's current data) is read, so a column of codes that look
    /// like numbers stays categorical.
    public func pinningTypes(of features: [String], as frame: DataFrame) -> CSVOptions {
        var options = self
        for column in frame.columns where features.contains(column.name) {
            options.columnTypes[column.name] = column.isNumeric ? .numeric : .categorical
        }
        return options
    }
}
