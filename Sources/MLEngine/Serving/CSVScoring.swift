/// Batch scoring of a CSV file with the server's checks: every row goes through the same
/// ``RowEncoder`` a request does, and a bad row is reported as `rows.csv:LINE: …`.
///
/// ```swift
/// let scored = try CSVScoring.score(path: "rows.csv", scorer: scorer, keep: ["id"])
/// ```
public enum CSVScoring {
    /// The outcome: the rows' outputs and the kept columns' texts, row after row.
    public struct Result: Sendable {
        public var scored: ScoredRows
        /// The names of the kept columns, then one array of texts (`nil` = missing) per kept column.
        public var keptColumns: [String]
        public var keptValues: [[String?]]
    }

    /// Reads `path` with each feature's type forced to the model's, checks the header and
    /// scores every row.
    /// - Parameters:
    ///   - keep: columns to pass through to the output (not features, or features too).
    ///   - displayName: the name in error messages (default: `path`).
    /// - Throws: ``DataError`` naming the file and line: an unreadable file, an unknown column,
    ///   a value that is not a number in a numeric feature, or any ``RowError`` of a row.
    public static func score(path: String, scorer: RowScorer, keep: [String] = [], displayName: String? = nil) throws(DataError) -> Result {
        let file = displayName ?? path
        let encoder = scorer.encoder
        var types: [String: ColumnType] = [:]
        for feature in scorer.model.encoder.schema.features {
            types[feature.name] = feature.type == .numeric ? .numeric : .categorical
        }
        let header = try CSVReader.header(path: path, displayName: file)
        let allowed = Set(encoder.featureNames).union(encoder.options.ignoredFields).union(keep)
        if let stray = header.first(where: { !allowed.contains($0) }) {
            throw DataError(
                file: file, line: 1,
                message: "column \"\(stray)\" is not a feature of the model; pass it through with --keep \(stray), or drop it. Features are: \(FeatureEncoder.listing(encoder.featureNames))")
        }
        for column in keep where !header.contains(column) {
            throw DataError(file: file, line: 1, message: "--keep \(column): the file has no such column")
        }
        for (column, _) in types where !header.contains(column) { types[column] = nil }
        // Kept columns that are not features stay text, so they are written back verbatim.
        for column in keep where types[column] == nil { types[column] = .categorical }
        let frame = try CSVReader.read(path: path, displayName: file, options: CSVOptions(columnTypes: types)).frame
        let featureColumns = frame.columns.filter { encoder.slotIndex[$0.name] != nil }
        let names = featureColumns.map(\.name)
        var encoded = [Double](repeating: 0, count: frame.rowCount * encoder.width)
        var failure: DataError?
        encoded.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for row in 0..<frame.rowCount {
                let values = featureColumns.map { column -> ServingValue in
                    switch column {
                    case .numeric(let numeric): numeric.values[row].isNaN ? .null : .number(numeric.values[row])
                    case .categorical(let categorical): categorical.value(at: row).map(ServingValue.string) ?? .null
                    }
                }
                do throws(RowError) {
                    try encoder.encode(ServingObject(keys: names, values: values), row: row, into: base + row * encoder.width)
                } catch {
                    var located = error
                    located.row = nil
                    failure = DataError(file: file, line: row + 2, message: located.description)
                    return
                }
            }
        }
        if let failure { throw failure }
        let kept = keep.map { name -> [String?] in
            switch frame.column(named: name) {
            case .numeric(let numeric)?: numeric.values.map { $0.isNaN ? nil : BinaryTarget.format($0) }
            case .categorical(let categorical)?: (0..<frame.rowCount).map { categorical.value(at: $0) }
            case nil: [String?](repeating: nil, count: frame.rowCount)
            }
        }
        return Result(scored: scorer.scoreEncoded(encoded, rows: frame.rowCount), keptColumns: keep, keptValues: kept)
    }
}
